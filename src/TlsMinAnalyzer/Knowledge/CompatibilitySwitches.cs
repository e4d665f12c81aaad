using System;
using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>An AppContext switch that weakens TLS when set to true, and what it does, for the message.</summary>
internal readonly struct WeakeningSwitch
{
    public WeakeningSwitch(string name, string effect)
    {
        Name = name;
        Effect = effect;
    }

    public string Name { get; }

    public string Effect { get; }
}

/// <summary>The .NET Framework compatibility switches that weaken TLS process-wide. One line per switch.</summary>
internal static class CompatibilitySwitches
{
    public static readonly ImmutableArray<WeakeningSwitch> All = ImmutableArray.Create(
        new WeakeningSwitch(
            "Switch.System.Net.DontEnableSchUseStrongCrypto",
            "stops .NET Framework from using strong cryptography: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        new WeakeningSwitch(
            "Switch.System.Net.DontEnableSystemDefaultTlsVersions",
            "makes ServicePointManager use the framework's old hard-coded versions (SSL 3.0/TLS 1.0) instead of the operating system's defaults"),
        new WeakeningSwitch(
            "Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols",
            "makes WCF ignore ServicePointManager.SecurityProtocol and fall back to its own older protocol defaults"),
        new WeakeningSwitch(
            "Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions",
            "makes WCF use its hard-coded old TLS versions instead of the operating system's defaults"));

    public static WeakeningSwitch? Find(string name)
    {
        foreach (var entry in All)
        {
            if (string.Equals(entry.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
