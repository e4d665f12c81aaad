using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Internal;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// TLS001: a TLS/SSL version below TLS 1.2 is enabled. A finding is reported once, where the deprecated value is written,
/// and only when the value reaches a TLS setting; comparisons, bit tests, patterns, masks and logging are never reported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeprecatedProtocolAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.DeprecatedProtocol);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated service clients and scaffolding hide TLS settings too: analyze and report generated code.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(start =>
        {
            var symbols = TlsSymbols.Create(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(
                c => AnalyzeSink(c, symbols),
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.VariableInitializer,
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.ParameterInitializer,
                OperationKind.Argument,
                OperationKind.Return,
                OperationKind.YieldReturn);
            start.RegisterOperationAction(c => AnalyzeTryParse(c, symbols), OperationKind.Invocation);
            start.RegisterSymbolStartAction(s => PrivateFieldTracker.Start(s, symbols), SymbolKind.NamedType);
        });
    }

    private static void AnalyzeSink(OperationAnalysisContext context, TlsSymbols symbols)
    {
        var operation = context.Operation;
        var value = operation switch
        {
            IAssignmentOperation assignment => assignment.Value,
            ISymbolInitializerOperation initializer => initializer.Value,
            IArgumentOperation argument => argument.Value,
            IReturnOperation returned => returned.ReturnedValue,
            _ => null,
        };

        var protocolEnum = symbols.AsProtocolEnum(value?.Type);
        if (value is null || protocolEnum is null)
        {
            return;
        }

        var bits = ProtocolValues.WrittenBits(value, symbols) & ProtocolVersions.DeprecatedMask;
        if (bits == 0)
        {
            return;
        }

        var destination = ProtocolFlow.Classify(operation, value, symbols);
        switch (destination.Kind)
        {
            case DestinationKind.Setting when operation is IFieldInitializerOperation && PrivateFieldTracker.IsTracked(destination.Symbol):
                return; // reported at the end of the type, if the field is ever used to enable something
            case DestinationKind.Setting:
                break;
            case DestinationKind.Variable when ProtocolFlow.HasEnablingUse(destination.Symbol!, ProtocolFlow.Root(operation), symbols):
                break;
            default:
                return;
        }

        context.ReportDiagnostic(Create(value.Syntax.GetLocation(), Describe(destination, operation, context.ContainingSymbol), bits, protocolEnum));
    }

    private static void AnalyzeTryParse(OperationAnalysisContext context, TlsSymbols symbols)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (invocation.TargetMethod.Name != "TryParse"
            || !ProtocolValues.TryGetEnumParse(invocation, symbols, out _, out var text, out var ignoreCase, out var protocolEnum))
        {
            return;
        }

        var bits = ProtocolValues.ParseNames(text, ignoreCase, protocolEnum) & ProtocolVersions.DeprecatedMask;
        if (bits == 0)
        {
            return;
        }

        IOperation? textArgument = null;
        IOperation? result = null;
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.RefKind == RefKind.Out)
            {
                result = argument.Value is IDeclarationExpressionOperation declaration ? declaration.Expression : argument.Value;
            }
            else if (argument.Parameter?.Name == "value")
            {
                textArgument = argument.Value;
            }
        }

        var enables = result switch
        {
            ILocalReferenceOperation local => ProtocolFlow.HasEnablingUse(local.Local, ProtocolFlow.Root(invocation), symbols),
            IFieldReferenceOperation or IPropertyReferenceOperation => true,
            _ => false,
        };

        if (enables && textArgument != null)
        {
            var name = result is ILocalReferenceOperation named ? "Local '" + named.Local.Name + "'" : "Enum.TryParse";
            context.ReportDiagnostic(Create(textArgument.Syntax.GetLocation(), name, bits, protocolEnum));
        }
    }

    internal static Diagnostic Create(Location location, string setting, int deprecatedBits, INamedTypeSymbol protocolEnum)
        => Diagnostic.Create(
            Descriptors.DeprecatedProtocol,
            location,
            setting,
            ProtocolVersions.DescribeVersions(deprecatedBits),
            ProtocolVersions.DescribeReferences(deprecatedBits),
            Recommended(protocolEnum));

    /// <summary>"SslProtocols.Tls12 | SslProtocols.Tls13", or Tls12 alone where this target's enum has no Tls13.</summary>
    private static string Recommended(INamedTypeSymbol protocolEnum)
    {
        var tls12 = protocolEnum.Name + "." + ProtocolVersions.Tls12Member;
        return TlsSymbols.FindMember(protocolEnum, ProtocolVersions.Tls13Member) is null
            ? tls12
            : tls12 + " | " + protocolEnum.Name + "." + ProtocolVersions.Tls13Member;
    }

    private static string Describe(Destination destination, IOperation operation, ISymbol containingSymbol)
    {
        switch (destination.Symbol)
        {
            case IParameterSymbol parameter when operation is IParameterInitializerOperation:
                return "The default value of parameter '" + parameter.Name + "'";
            case IParameterSymbol parameter when destination.Kind == DestinationKind.Variable:
                return "Parameter '" + parameter.Name + "', used as a TLS setting,";
            case ILocalSymbol local:
                return "Local '" + local.Name + "', used as a TLS setting,";
            case { } symbol:
                return Names.Of(symbol);
        }

        if (operation is IReturnOperation)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation)
                {
                    return "A lambda";
                }

                if (parent is ILocalFunctionOperation localFunction)
                {
                    return localFunction.Symbol.Name + "()";
                }
            }

            return Names.Of(containingSymbol);
        }

        return "An array element";
    }

    /// <summary>
    /// Private const and readonly fields are named constants: <c>private const SslProtocols Weak = Tls | Tls11;</c> used only in
    /// <c>configured &amp; ~Weak</c> turns nothing on. Their initializers are reported at the end of the type, and only when a
    /// use of the field within the type reaches a TLS setting.
    /// </summary>
    private sealed class PrivateFieldTracker
    {
        private readonly TlsSymbols _symbols;
        private readonly ImmutableHashSet<IFieldSymbol> _fields;
        private readonly ConcurrentDictionary<IFieldSymbol, Diagnostic> _pending = new ConcurrentDictionary<IFieldSymbol, Diagnostic>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IFieldSymbol, bool> _enabling = new ConcurrentDictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);

        private PrivateFieldTracker(TlsSymbols symbols, ImmutableHashSet<IFieldSymbol> fields)
        {
            _symbols = symbols;
            _fields = fields;
        }

        /// <summary>
        /// Private const/readonly fields of a type without nested types: every use is then inside the type's own members,
        /// which this tracker sees. (Operations in nested types belong to the nested type's analysis, so a type with nested
        /// types keeps the plain rule: its field initializers are reported where they are written.)
        /// </summary>
        public static bool IsTracked(ISymbol? symbol)
            => symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field
               && (field.IsConst || field.IsReadOnly)
               && field.ContainingType.GetTypeMembers().IsEmpty;

        public static void Start(SymbolStartAnalysisContext context, TlsSymbols symbols)
        {
            ImmutableHashSet<IFieldSymbol>.Builder? fields = null;
            foreach (var member in ((INamedTypeSymbol)context.Symbol).GetMembers())
            {
                if (member is IFieldSymbol field && IsTracked(field) && symbols.IsProtocolEnum(field.Type))
                {
                    fields ??= ImmutableHashSet.CreateBuilder<IFieldSymbol>(SymbolEqualityComparer.Default);
                    fields.Add(field);
                }
            }

            if (fields is null)
            {
                return;
            }

            var tracker = new PrivateFieldTracker(symbols, fields.ToImmutable());
            context.RegisterOperationAction(tracker.OnInitializer, OperationKind.FieldInitializer);
            context.RegisterOperationAction(tracker.OnReference, OperationKind.FieldReference);
            context.RegisterSymbolEndAction(tracker.OnEnd);
        }

        private void OnInitializer(OperationAnalysisContext context)
        {
            var initializer = (IFieldInitializerOperation)context.Operation;
            foreach (var field in initializer.InitializedFields)
            {
                if (!_fields.Contains(field))
                {
                    continue;
                }

                var bits = ProtocolValues.WrittenBits(initializer.Value, _symbols) & ProtocolVersions.DeprecatedMask;
                if (bits != 0 && _symbols.AsProtocolEnum(field.Type) is { } protocolEnum)
                {
                    _pending[field] = Create(initializer.Value.Syntax.GetLocation(), field.ContainingType.Name + "." + field.Name, bits, protocolEnum);
                }
            }
        }

        private void OnReference(OperationAnalysisContext context)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!_fields.Contains(reference.Field) || _enabling.ContainsKey(reference.Field))
            {
                return;
            }

            var destination = ProtocolFlow.FindDestination(reference, _symbols);
            if (destination.Kind == DestinationKind.Setting
                || destination.Kind == DestinationKind.Variable && ProtocolFlow.HasEnablingUse(destination.Symbol!, ProtocolFlow.Root(reference), _symbols))
            {
                _enabling[reference.Field] = true;
            }
        }

        private void OnEnd(SymbolAnalysisContext context)
        {
            foreach (var pair in _pending)
            {
                if (_enabling.ContainsKey(pair.Key))
                {
                    context.ReportDiagnostic(pair.Value);
                }
            }
        }
    }
}
