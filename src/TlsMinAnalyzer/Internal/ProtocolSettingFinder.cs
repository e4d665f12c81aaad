using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Internal;

/// <summary>A protocol value written into a TLS setting: what TLS001 and TLS005 judge.</summary>
internal readonly struct ProtocolWrite
{
    public ProtocolWrite(IOperation value, int writtenBits, INamedTypeSymbol protocolEnum, string setting)
    {
        Value = value;
        WrittenBits = writtenBits;
        ProtocolEnum = protocolEnum;
        Setting = setting;
    }

    /// <summary>The expression that writes the versions (the finding's location), or the string given to TryParse.</summary>
    public IOperation Value { get; }

    /// <summary>Every version bit the expression itself writes (see <see cref="ProtocolValues.WrittenBits(IOperation?, TlsSymbols)"/>).</summary>
    public int WrittenBits { get; }

    public INamedTypeSymbol ProtocolEnum { get; }

    /// <summary>
    /// How the message names the setting: "ServicePointManager.SecurityProtocol", "Local 'p', used as a TLS setting,".
    /// Empty while the rule's <c>select</c> decides; set for <c>create</c>.
    /// </summary>
    public string Setting { get; }
}

/// <summary>
/// Finds protocol values that reach a TLS setting — assignments, initializers, arguments, returns, parameter defaults,
/// <c>Enum.TryParse</c> results — once, where they are written; locals and private constants count only when one of their
/// uses reaches a setting. A rule supplies <c>select</c> (which bits of a write it reports, 0 for none) and <c>create</c>.
/// </summary>
internal sealed class ProtocolSettingFinder
{
    private readonly TlsSymbols _symbols;
    private readonly Func<ProtocolWrite, int> _select;
    private readonly Func<ProtocolWrite, int, Diagnostic> _create;

    private ProtocolSettingFinder(TlsSymbols symbols, Func<ProtocolWrite, int> select, Func<ProtocolWrite, int, Diagnostic> create)
    {
        _symbols = symbols;
        _select = select;
        _create = create;
    }

    public static void Register(CompilationStartAnalysisContext start, TlsSymbols symbols, Func<ProtocolWrite, int> select, Func<ProtocolWrite, int, Diagnostic> create)
    {
        var finder = new ProtocolSettingFinder(symbols, select, create);
        start.RegisterOperationAction(
            finder.AnalyzeSink,
            OperationKind.SimpleAssignment,
            OperationKind.CompoundAssignment,
            OperationKind.VariableInitializer,
            OperationKind.FieldInitializer,
            OperationKind.PropertyInitializer,
            OperationKind.ParameterInitializer,
            OperationKind.Return,
            OperationKind.YieldReturn);
        start.RegisterOperationAction(finder.AnalyzeCall, Arguments.CallKinds);
        start.RegisterSymbolStartAction(finder.StartType, SymbolKind.NamedType);
    }

    /// <summary>Arguments to parameters typed with a protocol enum, and <c>Enum.TryParse</c>.</summary>
    private void AnalyzeCall(OperationAnalysisContext context)
    {
        if (Arguments.Target(context.Operation) is not { } method)
        {
            return;
        }

        if (method.Name == "TryParse")
        {
            AnalyzeTryParse(context);
            return;
        }

        foreach (var parameter in method.Parameters)
        {
            if (_symbols.IsProtocolEnum(parameter.Type))
            {
                foreach (var argument in Arguments.Of(context.Operation))
                {
                    AnalyzeSink(context, argument);
                }

                return;
            }
        }
    }

    private void AnalyzeSink(OperationAnalysisContext context) => AnalyzeSink(context, context.Operation);

    private void AnalyzeSink(OperationAnalysisContext context, IOperation operation)
    {
        var value = operation switch
        {
            IAssignmentOperation assignment => assignment.Value,
            ISymbolInitializerOperation initializer => initializer.Value,
            IArgumentOperation argument => argument.Value,
            IReturnOperation returned => returned.ReturnedValue,
            _ => null,
        };

        var protocolEnum = _symbols.AsProtocolEnum(value?.Type);
        if (value is null || protocolEnum is null)
        {
            return;
        }

        var written = ProtocolValues.WrittenBits(value, _symbols);
        if (written == 0)
        {
            return;
        }

        var destination = ProtocolFlow.Classify(operation, value, _symbols);
        switch (destination.Kind)
        {
            case DestinationKind.Setting when operation is IFieldInitializerOperation && PrivateFieldTracker.IsTracked(destination.Symbol):
                return; // judged at the end of the type, if the field is ever used to enable something
            case DestinationKind.Setting:
            case DestinationKind.Variable:
                break;
            default:
                return;
        }

        // The rule decides on the bits first; the setting's description is built only for a finding.
        var write = new ProtocolWrite(value, written, protocolEnum, string.Empty);
        var selected = _select(write);
        if (selected != 0
            && (destination.Kind == DestinationKind.Setting || ProtocolFlow.HasEnablingUse(destination.Symbol!, ProtocolFlow.Root(operation), _symbols)))
        {
            var described = new ProtocolWrite(value, written, protocolEnum, Describe(destination, operation, context.ContainingSymbol));
            context.ReportDiagnostic(_create(described, selected));
        }
    }

    private void AnalyzeTryParse(OperationAnalysisContext context)
    {
        if (context.Operation is not IInvocationOperation invocation
            || !ProtocolValues.TryGetEnumParse(invocation, _symbols, out _, out var text, out var ignoreCase, out var protocolEnum))
        {
            return;
        }

        var written = ProtocolValues.ParseNames(text, ignoreCase, protocolEnum);
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

        if (written == 0 || textArgument is null)
        {
            return;
        }

        var name = result is ILocalReferenceOperation named ? "Local '" + named.Local.Name + "'" : "Enum.TryParse";
        var write = new ProtocolWrite(textArgument, written, protocolEnum, name);
        var selected = _select(write);
        var enables = selected != 0 && result switch
        {
            ILocalReferenceOperation local => ProtocolFlow.HasEnablingUse(local.Local, ProtocolFlow.Root(invocation), _symbols),
            IFieldReferenceOperation or IPropertyReferenceOperation => true,
            _ => false,
        };

        if (enables)
        {
            context.ReportDiagnostic(_create(write, selected));
        }
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
        private readonly ProtocolSettingFinder _finder;
        private readonly TlsSymbols _symbols;
        private readonly ImmutableHashSet<IFieldSymbol> _fields;
        private readonly ConcurrentDictionary<IFieldSymbol, Diagnostic> _pending = new ConcurrentDictionary<IFieldSymbol, Diagnostic>(SymbolEqualityComparer.Default);
        private readonly ConcurrentDictionary<IFieldSymbol, bool> _enabling = new ConcurrentDictionary<IFieldSymbol, bool>(SymbolEqualityComparer.Default);

        private PrivateFieldTracker(ProtocolSettingFinder finder, ImmutableHashSet<IFieldSymbol> fields)
        {
            _finder = finder;
            _symbols = finder._symbols;
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

        public static void Start(SymbolStartAnalysisContext context, ProtocolSettingFinder finder)
        {
            var symbols = finder._symbols;
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

            var tracker = new PrivateFieldTracker(finder, fields.ToImmutable());
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

                var written = ProtocolValues.WrittenBits(initializer.Value, _symbols);
                if (written != 0 && _symbols.AsProtocolEnum(field.Type) is { } protocolEnum)
                {
                    var write = new ProtocolWrite(initializer.Value, written, protocolEnum, field.ContainingType.Name + "." + field.Name);
                    var selected = _finder._select(write);
                    if (selected != 0)
                    {
                        _pending[field] = _finder._create(write, selected);
                    }
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

    private void StartType(SymbolStartAnalysisContext context) => PrivateFieldTracker.Start(context, this);
}
