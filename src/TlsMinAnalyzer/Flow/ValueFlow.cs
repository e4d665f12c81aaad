using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Flow;

/// <summary>Simple, local value flow: what a local holds when it is written exactly once, and constants through it.</summary>
internal static class ValueFlow
{
    /// <summary>The value a local gets, when it gets exactly one (its initializer or a single plain assignment).</summary>
    public static bool TrySingleWrite(ILocalReferenceOperation reference, out IOperation written)
    {
        var writes = Writes(reference, out var complete);
        written = writes.Count == 1 ? writes[0] : null!;
        return complete && writes.Count == 1;
    }

    /// <summary>Every value a local is given in its body: its initializer and each plain assignment.</summary>
    public static System.Collections.Generic.List<IOperation> Writes(ILocalReferenceOperation reference) => Writes(reference, out _);

    /// <summary>
    /// As above; <paramref name="complete"/> is false when the local is also written in a way that gives no value to
    /// follow (a compound assignment, a <c>ref</c> or <c>out</c> argument).
    /// </summary>
    public static System.Collections.Generic.List<IOperation> Writes(ILocalReferenceOperation reference, out bool complete)
    {
        complete = true;
        var writes = new System.Collections.Generic.List<IOperation>();
        foreach (var operation in reference.Root().Descendants())
        {
            switch (operation)
            {
                case IVariableDeclaratorOperation declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, reference.Local):
                    if (declarator.InitializerOf() is { } initializer)
                    {
                        writes.Add(initializer.Value);
                    }

                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    writes.Add(assignment.Value);
                    break;
                case IAssignmentOperation { Target: ILocalReferenceOperation target } when SymbolEqualityComparer.Default.Equals(target.Local, reference.Local):
                    complete = false;
                    break;
                case IArgumentOperation { Value: ILocalReferenceOperation passed, Parameter.RefKind: RefKind.Ref or RefKind.Out }
                    when SymbolEqualityComparer.Default.Equals(passed.Local, reference.Local):
                    complete = false;
                    break;
            }
        }

        return writes;
    }

    /// <summary>The constant an expression has, looking through conversions and a single-write local.</summary>
    public static Optional<object?> Constant(IOperation? operation)
    {
        for (var hops = 0; operation != null && hops < 4; hops++)
        {
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            operation = OperationTreeExtensions.StripConversions(operation);
            if (operation.ConstantValue.HasValue)
            {
                return operation.ConstantValue;
            }

            if (operation is not ILocalReferenceOperation local || !TrySingleWrite(local, out operation))
            {
                break;
            }
        }

        return default;
    }

    /// <summary>
    /// A value decided by a condition, one of whose outcomes is a weak constant: <c>port == 587 ? false : settings.Ssl</c>,
    /// <c>ignore ? X509RevocationMode.NoCheck : X509RevocationMode.Online</c>, a switch-expression arm, or <c>?? false</c>;
    /// directly or through a local written once. Gives the weak constant and when it is chosen, in the code's own words
    /// ("when port == 587", "unless useTls", "when encryption is Never"), for a message that names the setting that decides.
    /// </summary>
    public static bool TryWeakArm(IOperation? operation, Func<object?, bool> isWeak, out object? constant, out string when)
        => TryWeakArm(operation, isWeak, 0, out constant, out when);

    private static bool TryWeakArm(IOperation? operation, Func<object?, bool> isWeak, int hops, out object? constant, out string when)
    {
        constant = null;
        when = string.Empty;
        for (; operation != null && hops < 4; hops++)
        {
            operation = OperationTreeExtensions.StripConversions(operation);
            switch (operation)
            {
                case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                    if (!IsSetting(conditional.Condition))
                    {
                        return false;
                    }

                    if (IsWeak(conditional.WhenTrue, isWeak, out constant))
                    {
                        when = "when " + Words(conditional.Condition);
                        return true;
                    }

                    if (IsWeak(whenFalse, isWeak, out constant))
                    {
                        when = "unless " + Words(conditional.Condition);
                        return true;
                    }

                    return false;

                case ICoalesceOperation coalesce when IsSetting(coalesce.Value) && IsWeak(coalesce.WhenNull, isWeak, out constant):
                    when = "when " + Words(coalesce.Value) + " is null";
                    return true;

                case ISwitchExpressionOperation switchExpression when IsSetting(switchExpression.Value):
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (IsWeak(arm.Value, isWeak, out constant))
                        {
                            when = arm.Pattern is IDiscardPatternOperation
                                ? "when " + Words(switchExpression.Value) + " matches no other arm"
                                : "when " + Words(switchExpression.Value) + " is " + Words(arm.Pattern);
                            return true;
                        }
                    }

                    return false;

                case ILocalReferenceOperation local when TrySingleWrite(local, out var written):
                    operation = written;
                    continue;

                case ILocalReferenceOperation local:
                    // Assigned in branches: var check = true; if (settings.Offline) { check = false; }
                    return TryWeakBranch(local, isWeak, out constant, out when);

                case IAwaitOperation awaited:
                    // await GetOptionsAsync(): what the awaited helper returns.
                    operation = awaited.Operation;
                    continue;

                case IInvocationOperation call when hops < 2 && TryWeakReturn(call, isWeak, hops, out constant, out when):
                    return true;

                case IMemberReferenceOperation member when TryDefault(member, out var initial, out var initializer)
                                                           && isWeak(initial.Value):
                    // A settings class whose default is weak: most users never change it.
                    constant = initial.Value;
                    when = "while " + Names.Of(member.Member) + " keeps its default (" + Words(initializer) + ")";
                    return true;

                default:
                    return false;
            }
        }

        return false;
    }

    private static bool IsTaskType(INamedTypeSymbol? type)
        => type is { Name: "Task" or "ValueTask", ContainingNamespace: { Name: "Tasks", ContainingNamespace: { Name: "Threading", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } };

    /// <summary>
    /// A local given a weak constant in one branch of an <c>if</c> decided by configuration (or given one first and a strong
    /// one only in such a branch): weak "when" or "unless" that condition. Writes decided by parameters alone are the
    /// caller's decision (<see cref="IsSetting"/>).
    /// </summary>
    private static bool TryWeakBranch(ILocalReferenceOperation local, Func<object?, bool> isWeak, out object? constant, out string when)
    {
        constant = null;
        when = string.Empty;
        object? unconditionalWeak = null;
        var hasUnconditionalWeak = false;
        string? overriddenUnless = null;
        var writes = Writes(local, out var complete);
        if (!complete)
        {
            return false; // also written in a way the flow cannot read (ref, +=): no verdict
        }

        foreach (var written in writes)
        {
            var branch = EnclosingBranch(written, out var inElse);
            var weak = IsWeak(written, isWeak, out var value);
            if (branch is null)
            {
                if (weak)
                {
                    (unconditionalWeak, hasUnconditionalWeak) = (value, true);
                }

                continue;
            }

            if (!IsSetting(branch.Condition))
            {
                continue;
            }

            if (weak)
            {
                constant = value;
                when = (inElse ? "unless " : "when ") + Words(branch.Condition);
                return true;
            }

            overriddenUnless ??= (inElse ? "when " : "unless ") + Words(branch.Condition);
        }

        if (hasUnconditionalWeak && overriddenUnless != null)
        {
            constant = unconditionalWeak;
            when = overriddenUnless;
            return true;
        }

        return false;
    }

    /// <summary>The <c>if</c> (or conditional) whose branch holds the write, and whether it is the else branch.</summary>
    private static IConditionalOperation? EnclosingBranch(IOperation written, out bool inElse)
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

            if (current is IAnonymousFunctionOperation or ILocalFunctionOperation or IMethodBodyOperation)
            {
                break;
            }
        }

        return null;
    }

    /// <summary>
    /// A helper of the compilation (any file; not virtual, abstract or external) one of whose returns is a weak constant or a
    /// weak outcome of its own: <c>client.Connect(host, port, await SecurityAsync())</c>. Bounded: two helper levels. A
    /// helper given the calling method's parameters is not followed (it maps the caller's choice).
    /// </summary>
    private static bool TryWeakReturn(IInvocationOperation call, Func<object?, bool> isWeak, int hops, out object? constant, out string when)
    {
        constant = null;
        when = string.Empty;
        var method = call.TargetMethod;
        if (method.IsVirtual || method.IsAbstract || method.IsOverride || method.IsExtern || call.SemanticModel is not { } model)
        {
            return false;
        }

        // A helper handed the method's own parameters maps its caller's choice (a library parsing the URI it was given,
        // ?starttls=never => None): as with IsSetting, the caller's value is where a finding belongs.
        foreach (var argument in call.Arguments)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation)
                {
                    return false;
                }
            }
        }

        if (OperationTreeExtensions.BodyOf(method, model, out var definition) is not { } body)
        {
            return false;
        }

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

            if (IsWeak(returned, isWeak, out constant))
            {
                when = "when " + Names.Of(method) + " returns " + Words(returned);
                return true;
            }

            if (TryWeakArm(returned, isWeak, hops + 1, out constant, out var inner))
            {
                when = inner + " (in " + Names.Of(method) + ")";
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The port a value reads from a settings member that starts with one (<c>_options.Port</c> where
    /// <c>Port { get; set; } = 587</c>): what runs while nobody changes it. Mail findings judge and name it; fixes must not
    /// rely on it, as a deployment may change it.
    /// </summary>
    public static (int Port, ISymbol Member)? DefaultPort(IOperation value)
        => value.StripConversions() is IMemberReferenceOperation setting && TryDefault(setting, out var initial, out _) && initial.Value is int port
            ? (port, setting.Member)
            : null;

    /// <summary>
    /// The value a settings member starts with: the initializer of an auto-property (<c>public bool UseSsl { get; set; } = false;</c>)
    /// or of a field that is not a constant, declared in source in any file of the compilation, in C# or Visual Basic.
    /// Constants are <see cref="Constant"/>'s; a property with a body computes its value and has no default here.
    /// </summary>
    public static bool TryDefault(IMemberReferenceOperation reference, out Optional<object?> constant, out IOperation initializer)
    {
        constant = default;
        initializer = null!;
        var member = reference.Member;
        if (member is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol { IsConst: false })
            || member.DeclaringSyntaxReferences.Length != 1
            || reference.SemanticModel is not { } model)
        {
            return false;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        if (CompilationSymbols.ModelOf(model, declaration.SyntaxTree) is not { } declaringModel || Initializer(declaration, declaringModel) is not { } value)
        {
            return false;
        }

        initializer = value;
        constant = Constant(initializer);
        return constant.HasValue;
    }

    /// <summary>
    /// The initializer of a property or field, found language-neutrally: the operation of the declaration's own child (C#'s
    /// <c>= value</c> clause, VB's <c>As T = value</c>), or of its parent's (a VB field's name sits inside its declarator).
    /// Only auto-properties can have one, in both languages.
    /// </summary>
    internal static IOperation? Initializer(SyntaxNode declaration, SemanticModel model)
    {
        foreach (var node in new[] { declaration, declaration.Parent is { } parent && model.GetDeclaredSymbol(declaration) is IFieldSymbol ? parent : null })
        {
            if (node is null)
            {
                continue;
            }

            foreach (var child in node.ChildNodes())
            {
                switch (model.GetOperation(child))
                {
                    case IPropertyInitializerOperation { Value: { } value }:
                        return value;
                    case IFieldInitializerOperation { Value: { } value }:
                        return value;
                }
            }
        }

        return null;
    }

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

    private static bool IsWeak(IOperation value, Func<object?, bool> isWeak, out object? constant)
    {
        var found = Constant(value);
        constant = found.HasValue ? found.Value : null;
        return found.HasValue && isWeak(found.Value);
    }

    /// <summary>The expression as written, on one line and cut short: messages quote the code that decides.</summary>
    private static string Words(IOperation operation)
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
