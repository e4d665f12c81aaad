using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Protocols;

/// <summary>A protocol value written into a TLS setting: what TLS001 and TLS005 judge.</summary>
internal readonly struct ProtocolWrite
{
    public ProtocolWrite(IOperation value, int writtenBits, INamedTypeSymbol protocolEnum, string setting, bool reachesUnchanged = true)
    {
        Value = value;
        WrittenBits = writtenBits;
        ProtocolEnum = protocolEnum;
        Setting = setting;
        ReachesUnchanged = reachesUnchanged;
    }

    /// <summary>
    /// False when the value reaches its setting only ORed with other versions (through a local): the set the setting gets
    /// is not this value, so it cannot be a pin.
    /// </summary>
    public bool ReachesUnchanged { get; }

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
    private readonly Func<ProtocolWrite, int, Diagnostic?> _create;

    private ProtocolSettingFinder(TlsSymbols symbols, Func<ProtocolWrite, int> select, Func<ProtocolWrite, int, Diagnostic?> create)
    {
        _symbols = symbols;
        _select = select;
        _create = create;
    }

    public static ProtocolSettingFinder Create(TlsSymbols symbols, Func<ProtocolWrite, int> select, Func<ProtocolWrite, int, Diagnostic?> create)
        => new ProtocolSettingFinder(symbols, select, create);

    /// <summary>Every kind of operation that can write a protocol value into a setting, and the calls that pass one.</summary>
    public OperationActions[] Actions()
        => new[]
        {
            new OperationActions(
                AnalyzeSink,
                OperationKind.SimpleAssignment,
                OperationKind.CompoundAssignment,
                OperationKind.VariableInitializer,
                OperationKind.FieldInitializer,
                OperationKind.PropertyInitializer,
                OperationKind.ParameterInitializer,
                OperationKind.Return,
                OperationKind.YieldReturn),
            new OperationActions(AnalyzeCall, Arguments.CallKinds),
        };

    /// <summary>Arguments to parameters typed with a protocol enum, and <c>Enum.TryParse</c>.</summary>
    [MethodImpl(HotPath.Optimized)]
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

        if (!Arguments.Any(context.Operation, _symbols, static (argument, symbols) => symbols.IsProtocolEnum(argument.Value.Type)))
        {
            return;
        }

        foreach (var argument in Arguments.Of(context.Operation))
        {
            AnalyzeSink(context, argument);
        }
    }

    private void AnalyzeSink(OperationAnalysisContext context) => AnalyzeSink(context, context.Operation);

    [MethodImpl(HotPath.Optimized)]
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
        string? through = null;
        if (written == 0 && value.StripConversions() is IInvocationOperation call && operation is not IReturnOperation)
        {
            // A mapping's result (Parse(version)): the versions it can return, reported here where a setting takes them.
            written = ProtocolMappings.MappedBits(call, _symbols);
            through = Names.Of(call.TargetMethod);
        }

        if (written == 0)
        {
            return;
        }

        // A public mapping's return is a read: the finding goes where its result reaches a setting (above).
        if (operation is IReturnOperation { ReturnedValue: { } returnedValue }
            && context.ContainingSymbol is IMethodSymbol { DeclaredAccessibility: not Accessibility.Private } returning
            && ProtocolMappings.IsMappingReturn(returnedValue, returning))
        {
            return;
        }

        var destination = ProtocolFlow.Classify(operation, value, _symbols);
        if (destination.Kind == DestinationKind.None)
        {
            return;
        }

        // A mapping's result kept in the user's own field or property (the negotiated version a parser returned) is data;
        // only a TLS API's setting (a framework or library member) turns its versions on.
        if (through != null && destination.Kind == DestinationKind.Setting && destination.Symbol is { } kept && !kept.DeclaringSyntaxReferences.IsEmpty)
        {
            return;
        }

        // The rule decides on the bits first; where the value goes, and the setting's description, only for a finding.
        var write = new ProtocolWrite(value, written, protocolEnum, string.Empty);
        var selected = _select(write);
        if (selected == 0)
        {
            return;
        }

        var unchanged = true;
        var enables = destination.Kind == DestinationKind.Variable
            ? ProtocolFlow.HasEnablingUse(destination.Symbol!, OperationTreeExtensions.Root(operation), _symbols, out unchanged)
            : JudgedByUse(operation, destination, context.ContainingSymbol) is not { } member
              || HasEnablingUseInType(member, operation, context.CancellationToken);
        if (enables)
        {
            var setting = Describe(destination, operation, context.ContainingSymbol);
            // A compound assignment (versions |= SslProtocols.Tls12) adds to a set: the setting gets that set, not this value.
            var described = new ProtocolWrite(value, written, protocolEnum, through is null ? setting : setting + " (through what " + through + " can return)", unchanged && through is null && operation is not ICompoundAssignmentOperation);
            if (_create(described, selected) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
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
            ILocalReferenceOperation local => ProtocolFlow.HasEnablingUse(local.Local, OperationTreeExtensions.Root(invocation), _symbols),
            IFieldReferenceOperation or IPropertyReferenceOperation => true,
            _ => false,
        };

        if (enables)
        {
            if (_create(write, selected) is { } diagnostic)
            {
                context.ReportDiagnostic(diagnostic);
            }
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
                return Names.Of(symbol, operation.Syntax.SyntaxTree);
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
    /// The member whose uses decide whether this write enables anything, or null when the write counts as written.
    /// Private const and readonly fields are named constants: <c>private const SslProtocols Weak = Tls | Tls11;</c> used only in
    /// <c>configured &amp; ~Weak</c> turns nothing on. Private methods that map a value to versions are judged the same way:
    /// <c>Map(v) &amp; ~(Tls | Tls11)</c> at every setting, or a mapping used only in comparisons, turns nothing on. All their
    /// uses are inside their type; when every declaration of the type is in the write's own file, the uses are found
    /// there (a same-file look, so the finding belongs to the document being analyzed, as the IDE needs).
    /// </summary>
    private static ISymbol? JudgedByUse(IOperation operation, Destination destination, ISymbol containingSymbol)
    {
        switch (operation)
        {
            case IFieldInitializerOperation when destination.Symbol is IFieldSymbol { DeclaredAccessibility: Accessibility.Private } field
                                                 && (field.IsConst || field.IsReadOnly):
                return field;
            case IReturnOperation when containingSymbol is IMethodSymbol { DeclaredAccessibility: Accessibility.Private, MethodKind: MethodKind.Ordinary } method
                                       && !operation.IsInsideFunction():
                return method;
            default:
                return null;
        }
    }

    /// <summary>
    /// False only when every use of <paramref name="member"/> is seen and none reaches a setting. A type declared in other
    /// files too (partial) cannot be seen whole from this file: the write is then judged as written.
    /// </summary>
    private bool HasEnablingUseInType(ISymbol member, IOperation write, System.Threading.CancellationToken cancellationToken)
    {
        if (write.SemanticModel is not { } model || !MemberReaders.AreAllIn(member, model.SyntaxTree))
        {
            return true;
        }

        // A method's own body (recursion) is not a use from outside; a field's initializer is not a use at all.
        var excluded = member is IMethodSymbol && member.DeclaringSyntaxReferences.Length == 1 ? member.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).Block().Span : write.Syntax.Span;
        foreach (var reference in MemberReaders.InType(member, model, excluded, cancellationToken))
        {
            if (reference is IMethodReferenceOperation)
            {
                return true; // a method group: where its results go is not seen here
            }

            var destination = ProtocolFlow.FindDestination(reference, _symbols);
            if (destination.Kind == DestinationKind.Setting
                || (destination.Kind == DestinationKind.Variable && ProtocolFlow.HasEnablingUse(destination.Symbol!, OperationTreeExtensions.Root(reference), _symbols)))
            {
                return true;
            }
        }

        return false;
    }
}
