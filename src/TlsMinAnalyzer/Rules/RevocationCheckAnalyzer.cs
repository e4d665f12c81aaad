using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>TLS006: code that turns certificate revocation checking off.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RevocationCheckAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.RevocationCheckDisabled);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = RevocationSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(c => AnalyzeAssignment(c, symbols), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(c => AnalyzeCall(c, symbols), Arguments.CallKinds);
        });
    }

    /// <summary>
    /// The value that turns checking off, and the text that says what to write instead; null when the operation is not one.
    /// Shared with the code fix so that both agree on what is a finding.
    /// </summary>
    internal static string? Replacement(ISymbol setting, INamedTypeSymbol? owner, ITypeSymbol? settingType, IOperation value, RevocationSymbols symbols)
    {
        // Cheapest first: almost every assignment and argument is neither a bool nor an X509RevocationMode.
        if (settingType is null
            || (settingType.SpecialType != SpecialType.System_Boolean && !SymbolEqualityComparer.Default.Equals(settingType, symbols.RevocationMode))
            || !value.ConstantValue.HasValue)
        {
            return null;
        }

        if (settingType.SpecialType == SpecialType.System_Boolean
            && value.ConstantValue.Value is false
            && (RevocationSymbols.Matches(symbols.BooleanSettings, setting, owner) || RevocationSymbols.Matches(symbols.BooleanParameters, setting, owner)))
        {
            return "true";
        }

        if (symbols.NoCheck is { } noCheck
            && SymbolEqualityComparer.Default.Equals(settingType, symbols.RevocationMode)
            && Equals(ProtocolValues.ToBits(value.ConstantValue.Value), ProtocolValues.ToBits(noCheck.ConstantValue)))
        {
            return "X509RevocationMode." + Revocation.Online;
        }

        return null;
    }

    private static void AnalyzeAssignment(OperationAnalysisContext context, RevocationSymbols symbols)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is not IPropertyReferenceOperation { Property: { } property }
            || Replacement(property, property.ContainingType, property.Type, assignment.Value, symbols) is not { } replacement)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            assignment.Value.Syntax.GetLocation(),
            Names.Of(property) + " = " + assignment.Value.Syntax,
            "set it to " + replacement));
    }

    /// <summary>Calls with a revocation parameter (SslStream's checkCertificateRevocation, any X509RevocationMode), and switches.</summary>
    private static void AnalyzeCall(OperationAnalysisContext context, RevocationSymbols symbols)
    {
        if (Arguments.Target(context.Operation) is not { } method)
        {
            return;
        }

        if (method.Name == "SetSwitch" && context.Operation is IInvocationOperation invocation)
        {
            AnalyzeSwitch(context, invocation, symbols);
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (parameter.Type.SpecialType == SpecialType.System_Boolean || SymbolEqualityComparer.Default.Equals(parameter.Type, symbols.RevocationMode))
            {
                foreach (var argument in Arguments.Of(context.Operation))
                {
                    AnalyzeArgument(context, argument, symbols);
                }

                return;
            }
        }
    }

    private static void AnalyzeArgument(OperationAnalysisContext context, IArgumentOperation argument, RevocationSymbols symbols)
    {
        if (argument.Parameter is not { ContainingSymbol: IMethodSymbol method } parameter
            || Replacement(parameter, method.ContainingType, parameter.Type, argument.Value, symbols) is not { } replacement)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            argument.Value.Syntax.GetLocation(),
            Names.Of(parameter) + " = " + argument.Value.Syntax,
            "pass " + replacement));
    }

    private static void AnalyzeSwitch(OperationAnalysisContext context, IInvocationOperation invocation, RevocationSymbols symbols)
    {
        if (!IsWeakeningSwitch(invocation, symbols, out var name))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            Descriptors.RevocationCheckDisabled,
            invocation.Syntax.GetLocation(),
            "AppContext.SetSwitch(\"" + name + "\", true)",
            "remove the switch so that revocation is checked online"));
    }

    /// <summary>A switch that weakens revocation checking, turned on.</summary>
    internal static bool IsWeakeningSwitch(IInvocationOperation invocation, RevocationSymbols symbols, out string name)
    {
        if (!AppContextSwitches.TryGetEnabledSwitch(invocation, symbols.AppContext, out name))
        {
            return false;
        }

        foreach (var weakening in Revocation.WeakeningSwitches)
        {
            if (string.Equals(weakening, name, System.StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
