using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// <c>AppContext.SetSwitch(name, true)</c> with a switch from <see cref="CompatibilitySwitches"/>, reported under the rule the
/// table gives it: TLS007 for switches that weaken protocols or cryptography for the whole process, TLS006 for the switch that
/// makes revocation checking offline. (The TLS007 switches in a config file's <c>AppContextSwitchOverrides</c> are found by
/// <see cref="WeakeningSwitchConfigAnalyzer"/>.)
/// </summary>
internal sealed class CompatibilitySwitchAnalyzer : FamilyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.RevocationCheckDisabled, Descriptors.WeakeningSwitch, Descriptors.DeprecatedProtocol);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
    {
        // The TLS007 switches change System.Net and WCF: without ServicePointManager there is nothing for them to weaken. The
        // TLS006 switch matters only where a revocation setting exists (a TLS client or stream type).
        var switches = new GatedActions(NameGroups.Switches, () =>
        {
            var weakening = symbols.Tls?.ServicePointManager != null;
            var revocation = symbols.Revocation != null;
            return symbols.AppContext is { } appContext && (weakening || revocation)
                ? new[] { new OperationActions(c => Analyze(c, appContext, weakening, revocation), OperationKind.Invocation) }
                : null;
        });

        // The same switches as machine-wide registry values, and SCHANNEL's protocol keys, written by set-up code.
        var registry = new GatedActions(NameGroups.Registry, () =>
        {
            var registryType = compilation.FindType(CompatibilitySwitches.RegistryMetadataName);
            var registryKeyType = compilation.FindType(CompatibilitySwitches.RegistryKeyMetadataName);
            return registryType is null && registryKeyType is null
                ? null
                : new[] { new OperationActions(c => AnalyzeRegistry(c, registryType, registryKeyType), OperationKind.Invocation) };
        });
        return new[] { switches, registry };
    }

    /// <summary>
    /// <c>SchUseStrongCrypto</c> or <c>SystemDefaultTlsVersions</c> written as 0 (TLS007); a deprecated version's SCHANNEL key
    /// given <c>Enabled</c> = 1 or <c>DisabledByDefault</c> = 0 (TLS001).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeRegistry(OperationAnalysisContext context, INamedTypeSymbol? registry, INamedTypeSymbol? registryKey)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!RegistryWrites.TryRead(invocation, registry, registryKey, out var path, out var valueName, out var value))
        {
            return;
        }

        foreach (var entry in CompatibilitySwitches.RegistryValues)
        {
            if (value == 0
                && string.Equals(entry.Name, valueName, System.StringComparison.OrdinalIgnoreCase)
                && (path is null || path.IndexOf(CompatibilitySwitches.NetFrameworkKey, System.StringComparison.OrdinalIgnoreCase) >= 0))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.WeakeningSwitch,
                    invocation.Syntax.GetLocation(),
                    "The registry value " + entry.Name + " = 0" + (path is null ? string.Empty : " (" + path + ")"),
                    entry.Detail));
                return;
            }
        }

        var enables = (string.Equals(valueName, "Enabled", System.StringComparison.OrdinalIgnoreCase) && value != 0)
                      || (string.Equals(valueName, "DisabledByDefault", System.StringComparison.OrdinalIgnoreCase) && value == 0);
        var protocols = path?.IndexOf(CompatibilitySwitches.SchannelProtocolsKey, System.StringComparison.OrdinalIgnoreCase) ?? -1;
        if (!enables || protocols < 0)
        {
            return;
        }

        var rest = path!.Substring(protocols + CompatibilitySwitches.SchannelProtocolsKey.Length);
        foreach (var version in ProtocolVersions.All)
        {
            if (version.DeprecatedBy is { } deprecatedBy && rest.StartsWith(version.DisplayName, System.StringComparison.OrdinalIgnoreCase))
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.DeprecatedProtocol,
                    invocation.Syntax.GetLocation(),
                    "The registry value " + valueName + " = " + value.ToString(System.Globalization.CultureInfo.InvariantCulture) + " under SCHANNEL's " + version.DisplayName + " key (machine-wide)",
                    version.DisplayName,
                    deprecatedBy,
                    "leave " + version.DisplayName + " with Enabled = 0 and DisabledByDefault = 1, or remove the write"));
                return;
            }
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol appContext, bool weakening, bool revocation)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!AppContextSwitches.TryGetEnabledSwitch(invocation, appContext, out var name)
            || CompatibilitySwitches.Find(name) is not { } entry
            || !(entry.RuleId == DiagnosticIds.WeakeningSwitch ? weakening : revocation))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            entry.RuleId == DiagnosticIds.WeakeningSwitch ? Descriptors.WeakeningSwitch : Descriptors.RevocationCheckDisabled,
            invocation.Syntax.GetLocation(),
            "AppContext.SetSwitch(\"" + entry.Name + "\", " + Names.True(invocation.Syntax.SyntaxTree) + ")",
            entry.Detail));
    }
}
