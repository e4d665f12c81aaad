using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Flow;

/// <summary>One way a sink's value can be decided: the expression that gives it, and when it is the one that does.</summary>
internal readonly struct ValueSource
{
    public ValueSource(IOperation value, string when)
    {
        Value = value;
        When = when;
    }

    /// <summary>
    /// Where the walk ended, past conversions and delegate creations: a constant, a lambda, a method group, or an
    /// expression the walk does not follow (a parameter, a call into a library).
    /// </summary>
    public IOperation Value { get; }

    /// <summary>
    /// The conditions on the way, in the code's own words ("when port == 587", "unless useTls", "while
    /// SmtpOptions.UseSsl keeps its default (false)", "when Security returns None"); empty when nothing on the way decides.
    /// </summary>
    public string When { get; }
}

/// <summary>What a walk follows, and how far.</summary>
internal readonly struct FlowPolicy
{
    private FlowPolicy(bool callerChoices, bool thisFileOnly)
    {
        CallerChoices = callerChoices;
        ThisFileOnly = thisFileOnly;
    }

    /// <summary>
    /// Weak values (ports, <c>useSsl</c>, <c>SecureSocketOptions</c>, revocation flags and modes, encryption policies,
    /// library switches): only choices that read configuration are followed, as a choice made from the method's parameters is
    /// its caller's (a library's <c>Connect(host, port, useSsl)</c> overload); helpers and settings defaults anywhere in the
    /// compilation are read, because their values are constants that belong to the finding at the sink.
    /// </summary>
    public static FlowPolicy Settings => new(callerChoices: false, thisFileOnly: false);

    /// <summary>
    /// Validation callbacks: every arm, branch and write, whoever decides, since one path that accepts everything is enough;
    /// held values are followed only where all their writes are in this file (a private field, a private helper). A callback
    /// kept where other files can install it is judged where it is created (see the certificate analyzer), so the two
    /// halves never report the same callback twice.
    /// </summary>
    public static FlowPolicy Callbacks => new(callerChoices: true, thisFileOnly: true);

    /// <summary>Follow choices decided by the method's parameters or its own type's members too.</summary>
    public bool CallerChoices { get; }

    /// <summary>Follow members and helpers only where all their code is in the sink's file.</summary>
    public bool ThisFileOnly { get; }
}

/// <summary>
/// The value-flow engine every rule asks "which values can reach this sink, and where was each written": backwards from
/// the value at a sink, through conversions, conditional and switch-expression arms, <c>??</c>, locals written in
/// branches, <c>await</c>, the returns of helpers (<c>Task.FromResult</c> too, in any file of the compilation), private
/// fields written anywhere in their type (initializer, constructor, methods) and settings members' initializers. Bounded:
/// a few hops, two helper levels, a few sources. Its forward twin, <see cref="ValueSinks"/>, answers where a written value
/// ends up, with the same rules for what carries a value.
/// </summary>
internal static class ValueSources
{
    private const int MaxHops = 5;
    private const int MaxHelperLevels = 2;
    private const int MaxSources = 8;

    /// <summary>Every source of <paramref name="value"/> the policy follows, in the order the code gives them.</summary>
    public static List<ValueSource> Of(IOperation value, FlowPolicy policy)
    {
        var found = new List<ValueSource>();
        Collect(value, policy, string.Empty, 0, 0, found);
        return found;
    }

    private static void Collect(IOperation? value, FlowPolicy policy, string when, int hops, int helpers, List<ValueSource> found)
    {
        if (value is null || found.Count >= MaxSources)
        {
            return;
        }

        value = value.StripConversions();
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target.StripConversions();
        }

        if (hops >= MaxHops)
        {
            found.Add(new ValueSource(value, when));
            return;
        }

        switch (value)
        {
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                if (Decides(conditional.Condition, policy))
                {
                    Collect(conditional.WhenTrue, policy, Join(when, "when " + Words(conditional.Condition)), hops + 1, helpers, found);
                    Collect(whenFalse, policy, Join(when, "unless " + Words(conditional.Condition)), hops + 1, helpers, found);
                }
                else
                {
                    found.Add(new ValueSource(value, when));
                }

                return;

            case ICoalesceOperation coalesce:
                if (policy.CallerChoices)
                {
                    Collect(coalesce.Value, policy, when, hops + 1, helpers, found);
                }

                if (Decides(coalesce.Value, policy))
                {
                    Collect(coalesce.WhenNull, policy, Join(when, "when " + Words(coalesce.Value) + " is null"), hops + 1, helpers, found);
                }

                return;

            case ISwitchExpressionOperation switchExpression:
                if (!Decides(switchExpression.Value, policy))
                {
                    found.Add(new ValueSource(value, when));
                    return;
                }

                foreach (var arm in switchExpression.Arms)
                {
                    var chosen = arm.Pattern is IDiscardPatternOperation
                        ? "when " + Words(switchExpression.Value) + " matches no other arm"
                        : "when " + Words(switchExpression.Value) + " is " + Words(arm.Pattern);
                    Collect(arm.Value, policy, Join(when, chosen), hops + 1, helpers, found);
                }

                return;

            case ILocalReferenceOperation local:
                var writes = ValueFlow.Writes(local, out var complete);
                if (complete || policy.CallerChoices)
                {
                    CollectWrites(writes, null, null, policy, when, hops, helpers, found);
                }

                return;

            case IAwaitOperation awaited:
                // await GetOptionsAsync(): what the awaited helper returns.
                Collect(awaited.Operation, policy, when, hops + 1, helpers, found);
                return;

            case IInvocationOperation call when helpers < MaxHelperLevels && Helper(call, policy, out var definition) is { } body:
                CollectReturns(call.TargetMethod, body, definition, policy, when, hops, helpers, found);
                return;

            case IFieldReferenceOperation { Field: { IsConst: false } field } reference
                when reference.SemanticModel is { } model && MemberReaders.AreAllInParts(field):
                // A private field: every value its type gives it (its initializer, the constructor, any method), in every
                // part of a partial type. The same writes are read whichever file is analyzed.
                CollectFieldWrites(field, model, policy, when, hops, helpers, found);
                return;

            case IMemberReferenceOperation member when !policy.ThisFileOnly && ValueFlow.TryDefault(member, out _, out var initializer):
                // A settings class's default: what runs while nobody changes it, which is what most users run.
                found.Add(new ValueSource(initializer.StripConversions(), Join(when, "while " + Names.Of(member.Member) + " keeps its default (" + Words(initializer) + ")")));
                return;

            default:
                found.Add(new ValueSource(value, when));
                return;
        }
    }

    /// <summary>
    /// The values a local or private field is given. A local's single write is followed as it is. Otherwise a write inside
    /// an <c>if</c> is taken "when" (or, in the else branch, "unless") its condition, and a write outside every branch (a
    /// field's initializer too) is taken unless such a condition overrides it (<c>var check = true; if (settings.Offline)
    /// { check = false; }</c>). Under <see cref="FlowPolicy.Settings"/>, writes in branches decided by parameters alone are
    /// the caller's, and a plain write beside other plain writes says nothing about which one the sink sees; a field's
    /// initializer is then its default, which runs while nobody changes it. A field's single write in a branch is taken as
    /// that branch decides (the field keeps its type's default otherwise).
    /// </summary>
    private static void CollectWrites(List<IOperation> writes, IFieldSymbol? field, IOperation? initializer, FlowPolicy policy, string when, int hops, int helpers, List<ValueSource> found)
    {
        if (initializer is null && writes.Count == 1 && (field is null || EnclosingBranch(writes[0], out _) is null))
        {
            Collect(writes[0], policy, when, hops + 1, helpers, found);
            return;
        }

        string? overriddenUnless = null;
        var plain = 0;
        foreach (var written in writes)
        {
            if (EnclosingBranch(written, out var inElse) is not { } branch)
            {
                plain++;
                continue;
            }

            if (!Decides(branch.Condition, policy))
            {
                continue;
            }

            Collect(written, policy, Join(when, (inElse ? "unless " : "when ") + Words(branch.Condition)), hops + 1, helpers, found);
            overriddenUnless ??= (inElse ? "when " : "unless ") + Words(branch.Condition);
        }

        if (initializer != null)
        {
            var kept = overriddenUnless ?? "while " + Names.Of(field!) + " keeps its default (" + Words(initializer) + ")";
            Collect(initializer, policy, Join(when, kept), hops + 1, helpers, found);
        }

        foreach (var written in writes)
        {
            if (EnclosingBranch(written, out _) is not null)
            {
                continue;
            }

            if (overriddenUnless != null)
            {
                Collect(written, policy, Join(when, overriddenUnless), hops + 1, helpers, found);
            }
            else if (policy.CallerChoices || (initializer is null && plain == 1))
            {
                Collect(written, policy, when, hops + 1, helpers, found);
            }
        }
    }

    /// <summary>
    /// A private field's writes in its type: its initializer, unless a constructor replaces it on every path, and its
    /// assignments in any member (<see cref="CollectWrites"/>).
    /// </summary>
    private static void CollectFieldWrites(IFieldSymbol field, SemanticModel model, FlowPolicy policy, string when, int hops, int helpers, List<ValueSource> found)
    {
        var writes = FieldWrites(field, model, out var initializer);
        CollectWrites(writes, field, initializer, policy, when, hops, helpers, found);
    }

    /// <summary>
    /// The assignments of a private field in its type (in every part of a partial type), and its initializer when no constructor replaces it
    /// on every path (<c>private int _port = 25;</c> then <c>_port = options.Port;</c> in the constructor: 25 never runs).
    /// </summary>
    internal static List<IOperation> FieldWrites(IFieldSymbol field, SemanticModel model, out IOperation? initializer)
    {
        initializer = ValueFlow.InitializerIn(field, model);
        var writes = new List<IOperation>();
        foreach (var read in MemberReaders.InType(field, model, default, System.Threading.CancellationToken.None, everyPart: true))
        {
            if (read.Parent is ISimpleAssignmentOperation assignment && assignment.Target == read)
            {
                writes.Add(assignment.Value);
                if (ReplacesOnEveryPath(assignment))
                {
                    initializer = null;
                }
            }
        }

        return writes;
    }

    /// <summary>
    /// A statement of a constructor's own body, outside every branch, loop, <c>switch</c> or <c>try</c>: it runs whenever the
    /// object is built (C#'s block or expression body; VB's <c>Sub New</c> block).
    /// </summary>
    private static bool ReplacesOnEveryPath(ISimpleAssignmentOperation assignment)
        => assignment.Parent is IExpressionStatementOperation { Parent: IBlockOperation block }
           && block.Parent is null or IConstructorBodyOperation
           && assignment.SemanticModel?.GetEnclosingSymbol(assignment.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };

    /// <summary>
    /// The body of a helper whose returns decide the value: a method of the compilation that is not virtual, abstract or
    /// external (under <see cref="FlowPolicy.ThisFileOnly"/>, a private one of this file). Under
    /// <see cref="FlowPolicy.Settings"/> a helper handed the method's own parameters maps its caller's choice (a library
    /// parsing the URI it was given, <c>?starttls=never</c> to <c>None</c>): the caller's value is where a finding belongs.
    /// </summary>
    private static IOperation? Helper(IInvocationOperation call, FlowPolicy policy, out IOperation? definition)
    {
        definition = null;
        var method = call.TargetMethod;
        if (method.MethodKind is not (MethodKind.Ordinary or MethodKind.LocalFunction) || method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern
            || call.SemanticModel is not { } model)
        {
            return null;
        }

        if (policy.ThisFileOnly
            && (method.MethodKind != MethodKind.Ordinary || method.DeclaredAccessibility != Accessibility.Private || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree))
        {
            return null;
        }

        if (!policy.CallerChoices)
        {
            foreach (var argument in call.Arguments)
            {
                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is IParameterReferenceOperation)
                    {
                        return null;
                    }
                }
            }
        }

        return OperationTreeExtensions.BodyOf(method, model, out definition);
    }

    private static void CollectReturns(IMethodSymbol method, IOperation body, IOperation? definition, FlowPolicy policy, string when, int hops, int helpers, List<ValueSource> found)
    {
        foreach (var operation in body.Descendants())
        {
            if (operation is not IReturnOperation { ReturnedValue: { } returned } || operation.IsInsideFunction(definition))
            {
                continue;
            }

            // return Task.FromResult(SecureSocketOptions.StartTlsWhenAvailable): what the awaiting caller gets.
            if (returned.StripConversions() is IInvocationOperation { TargetMethod: { Name: "FromResult", IsStatic: true } fromResult } completed
                && completed.Arguments.Length == 1 && IsTaskType(fromResult.ContainingType))
            {
                returned = completed.Arguments[0].Value;
            }

            if (ValueFlow.Constant(returned).HasValue)
            {
                found.Add(new ValueSource(returned.StripConversions(), Join(when, "when " + Names.Of(method) + " returns " + Words(returned))));
                continue;
            }

            var start = found.Count;
            Collect(returned, policy, string.Empty, hops + 1, helpers + 1, found);
            for (var i = start; i < found.Count; i++)
            {
                var inner = found[i].When.Length > 0 ? found[i].When + " (in " + Names.Of(method) + ")" : string.Empty;
                found[i] = new ValueSource(found[i].Value, Join(when, inner));
            }
        }
    }

    private static bool IsTaskType(INamedTypeSymbol? type)
        => type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>The <c>if</c> (or conditional) whose branch holds the write, and whether it is the else branch.</summary>
    internal static IConditionalOperation? EnclosingBranch(IOperation written, out bool inElse)
    {
        inElse = false;
        IOperation child = written;
        for (var current = written.Parent; current != null; child = current, current = current.Parent)
        {
            if (current is IConditionalOperation conditional && conditional.Condition != child)
            {
                inElse = conditional.WhenFalse == child;
                return conditional;
            }

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation or IConstructorBodyOperation)
            {
                break;
            }
        }

        return null;
    }

    private static bool Decides(IOperation condition, FlowPolicy policy) => policy.CallerChoices || IsSetting(condition);

    /// <summary>
    /// True when what decides reads configuration: a member of another object (<c>_settings.Mail.Port</c>,
    /// <c>options.IgnoreRevocation</c>), a static member of another type, or a local computed here. A choice made only from
    /// the method's parameters or its own type's members is an API passing its caller's decision through (a library's
    /// <c>Connect(host, port, useSsl)</c> overload, its own <c>CheckCertificateRevocation</c> property): the caller's
    /// value is where a finding belongs.
    /// </summary>
    private static bool IsSetting(IOperation condition)
    {
        foreach (var operation in condition.DescendantsAndSelf())
        {
            switch (operation)
            {
                case ILocalReferenceOperation:
                    return true;
                case IMemberReferenceOperation { Instance: { } instance } when instance is not IInstanceReferenceOperation:
                    return true;
                case IMemberReferenceOperation { Instance: null, Member: { } member }
                    when !SymbolEqualityComparer.Default.Equals(member.ContainingType, ContainingType(condition)):
                    return true;
            }
        }

        return false;
    }

    private static INamedTypeSymbol? ContainingType(IOperation operation)
        => operation.SemanticModel?.GetEnclosingSymbol(operation.Syntax.SpanStart)?.ContainingType;

    private static string Join(string outer, string inner)
        => outer.Length == 0 ? inner : inner.Length == 0 ? outer : outer + ", " + inner;

    /// <summary>The expression as written, on one line and cut short: messages quote the code that decides.</summary>
    internal static string Words(IOperation operation)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in operation.Syntax.ToString())
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[builder.Length - 1] != ' ')
            {
                builder.Append(' ');
            }
        }

        var text = builder.ToString();
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
