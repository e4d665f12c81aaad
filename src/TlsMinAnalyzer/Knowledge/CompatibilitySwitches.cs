using System;
using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>An AppContext switch that weakens TLS when set to true: the rule it breaks, and the message's second part.</summary>
internal readonly struct CompatibilitySwitch
{
    public CompatibilitySwitch(string name, string ruleId, string detail)
    {
        Name = name;
        RuleId = ruleId;
        Detail = detail;
    }

    public string Name { get; }

    /// <summary>TLS007 (weakens protocols or cryptography) or TLS006 (weakens revocation checking).</summary>
    public string RuleId { get; }

    /// <summary>For TLS007, what the switch does; for TLS006, what to do instead.</summary>
    public string Detail { get; }
}

/// <summary>
/// The compatibility switches that weaken TLS process-wide, each mapped to its rule. One line per switch; set in code with
/// <c>AppContext.SetSwitch</c> or in a config file's <c>AppContextSwitchOverrides</c>.
/// </summary>
internal static class CompatibilitySwitches
{
    public const string AppContextMetadataName = "System.AppContext";

    public static readonly ImmutableArray<CompatibilitySwitch> All = ImmutableArray.Create(
        new CompatibilitySwitch(
            "Switch.System.Net.DontEnableSchUseStrongCrypto",
            DiagnosticIds.WeakeningSwitch,
            "stops .NET Framework from using strong cryptography: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        new CompatibilitySwitch(
            "Switch.System.Net.DontEnableSystemDefaultTlsVersions",
            DiagnosticIds.WeakeningSwitch,
            "makes ServicePointManager use the framework's old hard-coded versions (SSL 3.0/TLS 1.0) instead of the operating system's defaults"),
        new CompatibilitySwitch(
            "Switch.System.ServiceModel.DisableUsingServicePointManagerSecurityProtocols",
            DiagnosticIds.WeakeningSwitch,
            "makes WCF ignore ServicePointManager.SecurityProtocol and fall back to its own older protocol defaults"),
        new CompatibilitySwitch(
            "Switch.System.ServiceModel.DontEnableSystemDefaultTlsVersions",
            DiagnosticIds.WeakeningSwitch,
            "makes WCF use its hard-coded old TLS versions instead of the operating system's defaults"),
        new CompatibilitySwitch(
            "System.Net.Security.OfflineRevocationByDefault",
            DiagnosticIds.RevocationCheckDisabled,
            "remove the switch so that revocation is checked online"));

    /// <summary>
    /// The registry values that do the same machine-wide (under <c>SOFTWARE\Microsoft\.NETFramework\v4.0.30319</c> and its
    /// WOW6432Node twin): written as <c>0</c> by code (installers, set-up tools), they weaken TLS for every .NET Framework
    /// process. Written as <c>1</c> they are the usual hardening, never reported.
    /// </summary>
    public static readonly ImmutableArray<CompatibilitySwitch> RegistryValues = ImmutableArray.Create(
        new CompatibilitySwitch(
            "SchUseStrongCrypto",
            DiagnosticIds.WeakeningSwitch,
            "stops .NET Framework from using strong cryptography on this machine: SSL 3.0 and TLS 1.0 become negotiable and TLS 1.2 may not be offered"),
        new CompatibilitySwitch(
            "SystemDefaultTlsVersions",
            DiagnosticIds.WeakeningSwitch,
            "makes .NET Framework on this machine use its old hard-coded versions (SSL 3.0/TLS 1.0) instead of the operating system's defaults"));

    public const string RegistryMetadataName = "Microsoft.Win32.Registry";

    public const string RegistryKeyMetadataName = "Microsoft.Win32.RegistryKey";

    /// <summary>The registry key of .NET Framework's machine-wide TLS settings (matched as a part of the path).</summary>
    public const string NetFrameworkKey = @".NETFramework\v";

    /// <summary>
    /// SCHANNEL's per-protocol keys (<c>...\SCHANNEL\Protocols\TLS 1.0\Client</c>): each is named like the version's
    /// display name in <see cref="ProtocolVersions"/> ("SSL 3.0", "TLS 1.1").
    /// </summary>
    public const string SchannelProtocolsKey = @"SCHANNEL\Protocols\";

    public static CompatibilitySwitch? Find(string name)
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
