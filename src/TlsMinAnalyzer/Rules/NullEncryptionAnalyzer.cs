using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS009: <c>EncryptionPolicy.AllowNoEncryption</c> or <c>NoEncryption</c> given to any setting typed
/// <c>EncryptionPolicy</c> — the <c>SslStream</c> constructors, <c>SslClientAuthenticationOptions</c> and
/// <c>SslServerAuthenticationOptions.EncryptionPolicy</c> — also through consts and locals.
/// </summary>
internal sealed class NullEncryptionAnalyzer : FamilyAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.NullEncryption);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
    {
        var encryptionPolicies = new GatedActions(NameGroups.Encryption, () => symbols.EncryptionPolicy is not { } encryption ? null : new[]
        {
            new OperationActions(c => Analyze(c, c.Operation, encryption), OperationKind.SimpleAssignment),
            new OperationActions(
                c =>
                {
                    if (Arguments.Any(c.Operation, encryption.Policy, static (argument, policy) => SymbolEqualityComparer.Default.Equals(argument.Value.Type, policy)))
                    {
                        foreach (var argument in Arguments.Of(c.Operation))
                        {
                            Analyze(c, argument, encryption);
                        }
                    }
                },
                Arguments.CallKinds),
        });
        return new[] { encryptionPolicies };
    }

    /// <summary>The weak member's name when <paramref name="value"/> is one, else null. Shared with the code fix.</summary>
    internal static string? WeakPolicy(IOperation value, EncryptionPolicySymbols encryption)
    {
        if (!SymbolEqualityComparer.Default.Equals(value.Type, encryption.Policy))
        {
            return null;
        }

        bool IsWeak(object? candidate) => EnumExtensions.ToBits(candidate) != EnumExtensions.ToBits(encryption.RequireEncryption.ConstantValue);

        // A constant, or decided by settings (a condition's arm, a settings class's default, a helper's return): the weak
        // outcome, and when.
        return ValueFlow.TryWeak(value, IsWeak, out var weak, out var when) && encryption.Policy.FindMemberByValue(weak)?.Name is { } name
            ? (when.Length == 0 ? name : name + " " + when)
            : null;
    }

    [MethodImpl(HotPath.Optimized)]
    private static void Analyze(OperationAnalysisContext context, IOperation operation, EncryptionPolicySymbols encryption)
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

        if (setting is null || value is null || WeakPolicy(value, encryption) is not { } weak)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Descriptors.NullEncryption, value.Syntax.GetLocation(), Names.Of(setting, value.Syntax.SyntaxTree), weak));
    }
}
