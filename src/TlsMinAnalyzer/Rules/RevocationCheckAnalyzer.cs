using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS006: settings that turn certificate revocation checking off (its AppContext switch: <see cref="CompatibilitySwitchAnalyzer"/>).
/// A server's settings (<see cref="ConnectionRole"/>) decide how it treats its clients' certificates and are not reported,
/// nor is the policy of a chain the code anchors to its own CA (<see cref="CustomTrustChain"/>).
/// </summary>
internal sealed class RevocationCheckAnalyzer : FamilyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RevocationCheckDisabled);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
    {
        var settings = new GatedActions(NameGroups.Revocation, () => symbols.Revocation is { } revocation
            ? new[]
            {
                new OperationActions(c => AnalyzeAssignment(c, revocation), OperationKind.SimpleAssignment),
                new OperationActions(c => AnalyzeCall(c, revocation), Arguments.CallKinds),
            }
            : null);
        return new[] { settings };
    }

    /// <summary>
    /// The value that turns checking off, and the text that says what to write instead; null when the operation is not one.
    /// Shared with the code fix so that both agree on what is a finding.
    /// </summary>
    internal static string? Replacement(ISymbol setting, INamedTypeSymbol? owner, ITypeSymbol? settingType, IOperation value, RevocationSymbols symbols)
        => Replacement(setting, owner, settingType, value, symbols, out _);

    /// <summary>As above; <paramref name="when"/> says when a value decided by settings turns checking off (empty for a constant).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static string? Replacement(ISymbol setting, INamedTypeSymbol? owner, ITypeSymbol? settingType, IOperation value, RevocationSymbols symbols, out string when)
    {
        when = string.Empty;
        // Cheapest first: almost every assignment and argument is neither a bool nor an X509RevocationMode.
        if (settingType is null)
        {
            return null;
        }

        var isBoolean = settingType.SpecialType == SpecialType.System_Boolean;
        var isMode = !isBoolean && SymbolEqualityComparer.Default.Equals(settingType, symbols.RevocationMode);
        if (!isBoolean && !isMode)
        {
            return null;
        }

        var inverted = isBoolean && RevocationSymbols.Matches(symbols.InvertedSettings, setting, owner);
        if (isBoolean && !inverted && !(RevocationSymbols.Matches(symbols.BooleanSettings, setting, owner) || RevocationSymbols.Matches(symbols.BooleanParameters, setting, owner)))
        {
            return null;
        }

        bool IsOff(object? constant)
            => isBoolean
                ? constant is bool flag && flag == inverted
                : symbols.NoCheck is { } noCheck && Equals(EnumExtensions.ToBits(constant), EnumExtensions.ToBits(noCheck.ConstantValue));

        // A constant (also through a local written once), a choice with an "off" outcome (ignoreRevocation ?
        // X509RevocationMode.NoCheck : ...), or a settings class's default that turns it off (CheckRevocation { get; set; } = false).
        if (!ValueFlow.TryWeak(value, IsOff, out _, out when))
        {
            return null;
        }

        return isBoolean
            ? (inverted ? Names.False(value.Syntax.SyntaxTree) : Names.True(value.Syntax.SyntaxTree))
            : "X509RevocationMode." + Revocation.Online;
    }

    /// <summary>The value is given to a setting whose <c>true</c> turns checking off (its fix writes <c>false</c>).</summary>
    internal static bool IsGivenToInvertedSetting(IOperation value, RevocationSymbols symbols)
        => value.Consumer() is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property: { } property } }
           && RevocationSymbols.Matches(symbols.InvertedSettings, property, property.ContainingType);

    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeAssignment(OperationAnalysisContext context, RevocationSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || Replacement(property, property.ContainingType, property.Type, assignment.Value, symbols, out var when) is not { } replacement
            || ConnectionRole.IsServerSide(assignment)
            || CustomTrustChain.IsRevocationModeOfAnchoredChain(assignment))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            assignment.Value.Syntax.GetLocation(),
            Names.Of(property) + " = " + assignment.Value.Syntax + ValueFlow.Unquoted(when, assignment.Value.Syntax.ToString()),
            "set it to " + replacement));
    }

    /// <summary>Calls with a revocation parameter (SslStream's checkCertificateRevocation, any X509RevocationMode).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static void AnalyzeCall(OperationAnalysisContext context, RevocationSymbols symbols)
    {
        // Cheapest first: a bool parameter counts only under a known name and owner (SslStream's checkCertificateRevocation),
        // asked by name before its method is; any other argument only when it is an enum (X509RevocationMode).
        if (!Arguments.Any(context.Operation, symbols, static (argument, symbols) => argument.Value.Type is { } type
                && (type.SpecialType == SpecialType.System_Boolean
                    ? argument.Parameter is { } parameter && symbols.IsBooleanParameterName(parameter.Name)
                      && parameter.ContainingSymbol is IMethodSymbol method && RevocationSymbols.Matches(symbols.BooleanParameters, parameter, method.ContainingType)
                    : type.TypeKind == TypeKind.Enum && SymbolEqualityComparer.Default.Equals(type, symbols.RevocationMode))))
        {
            return;
        }

        foreach (var argument in Arguments.Of(context.Operation))
        {
            AnalyzeArgument(context, argument, symbols);
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, IArgumentOperation argument, RevocationSymbols symbols)
    {
        if (argument.Parameter is not { ContainingSymbol: IMethodSymbol method } parameter
            || Replacement(parameter, method.ContainingType, parameter.Type, argument.Value, symbols, out var when) is not { } replacement
            || ConnectionRole.IsServerSide(argument))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            argument.Value.Syntax.GetLocation(),
            Names.Of(parameter, argument.Syntax.SyntaxTree) + " = " + argument.Value.Syntax + ValueFlow.Unquoted(when, argument.Value.Syntax.ToString()),
            "pass " + replacement));
    }
}
