using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS009: <c>EncryptionPolicy.AllowNoEncryption</c> or <c>NoEncryption</c> given to any setting typed
/// <c>EncryptionPolicy</c> — the <c>SslStream</c> constructors, <c>SslClientAuthenticationOptions</c> and
/// <c>SslServerAuthenticationOptions.EncryptionPolicy</c> — also through consts and locals.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NullEncryptionAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NullEncryption);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName("System.Net.Security.EncryptionPolicy") is not { } policy
                || TlsSymbols.FindMember(policy, "RequireEncryption") is not { } require)
            {
                return;
            }

            start.RegisterOperationAction(c => Analyze(c, c.Operation, policy, require), OperationKind.SimpleAssignment);
            start.RegisterOperationAction(
                c =>
                {
                    if (Arguments.Target(c.Operation) is { } method && HasParameterOfType(method, policy))
                    {
                        foreach (var argument in Arguments.Of(c.Operation))
                        {
                            Analyze(c, argument, policy, require);
                        }
                    }
                },
                Arguments.CallKinds);
        });
    }

    /// <summary>The weak member's name when <paramref name="value"/> is one, else null. Shared with the code fix.</summary>
    internal static string? WeakPolicy(IOperation value, INamedTypeSymbol policy, IFieldSymbol require)
    {
        if (!SymbolEqualityComparer.Default.Equals(value.Type, policy)
            || ValueFlow.Constant(value) is not { HasValue: true } constant
            || ProtocolValues.ToBits(constant.Value) == ProtocolValues.ToBits(require.ConstantValue))
        {
            return null;
        }

        foreach (var member in policy.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ProtocolValues.ToBits(field.ConstantValue) == ProtocolValues.ToBits(constant.Value))
            {
                return field.Name;
            }
        }

        return null;
    }

    private static bool HasParameterOfType(IMethodSymbol method, INamedTypeSymbol type)
    {
        foreach (var parameter in method.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, type))
            {
                return true;
            }
        }

        return false;
    }

    private static void Analyze(OperationAnalysisContext context, IOperation operation, INamedTypeSymbol policy, IFieldSymbol require)
    {
        ISymbol? setting = null;
        IOperation? value = null;
        switch (operation)
        {
            case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment:
                setting = property.Property;
                value = assignment.Value;
                break;
            case IArgumentOperation { Parameter: { } parameter } argument:
                setting = parameter;
                value = argument.Value;
                break;
        }

        if (setting is null || value is null || WeakPolicy(value, policy, require) is not { } weak)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullEncryption, value.Syntax.GetLocation(), Names.Of(setting), weak));
    }
}
