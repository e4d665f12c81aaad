using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Flow;

/// <summary>
/// The engine's primitives — a local's writes, constants through single-write locals, settings members' defaults — and the
/// question the weak-value rules ask of it (<see cref="TryWeakArm(IOperation?, Func{object?, bool}, out object?, out string)"/>).
/// </summary>
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
    /// Whether a setting's value is weak: a constant (through conversions and a local written once) that is, or a weak
    /// outcome of a choice that reads configuration (<see cref="TryWeakArm"/>). <paramref name="when"/> is empty for a
    /// constant, else the choice in the code's own words.
    /// </summary>
    public static bool TryWeak(IOperation value, Func<object?, bool> isWeak, out object? constant, out string when)
    {
        var known = Constant(value);
        if (known.HasValue)
        {
            (constant, when) = (known.Value, string.Empty);
            return isWeak(known.Value);
        }

        return TryWeakArm(value, isWeak, out constant, out when);
    }

    /// <summary>
    /// " " + <paramref name="when"/> for a message that quotes <paramref name="quoted"/>, unless the quote shows it already
    /// (a conditional's own condition is in the quoted value; a settings default or a branch that assigns a local is not).
    /// </summary>
    public static string Unquoted(string when, string quoted)
    {
        if (when.Length == 0)
        {
            return string.Empty;
        }

        var space = when.IndexOf(' ');
        var condition = space < 0 ? when : when.Substring(space + 1);
        return quoted.Contains(condition) ? string.Empty : " " + when;
    }

    /// <summary>
    /// A value decided by a condition, one of whose outcomes is a weak constant: <c>port == 587 ? false : settings.Ssl</c>,
    /// <c>ignore ? X509RevocationMode.NoCheck : X509RevocationMode.Online</c>, a switch-expression arm, or <c>?? false</c>;
    /// directly or through a local written once. Gives the weak constant and when it is chosen, in the code's own words
    /// ("when port == 587", "unless useTls", "when encryption is Never"), for a message that names the setting that decides.
    /// </summary>
    public static bool TryWeakArm(IOperation? operation, Func<object?, bool> isWeak, out object? constant, out string when)
        => TryWeakArm(operation, isWeak, null, out constant, out when);

    /// <summary>
    /// As above, with a second, lesser kind of weak value taken only when no source is weak the first way (MailKit's
    /// <c>Auto</c>, weak or not by the port, after <c>None</c> and <c>StartTlsWhenAvailable</c>): one walk for both.
    /// </summary>
    public static bool TryWeakArm(IOperation? operation, Func<object?, bool> isWeak, Func<object?, bool>? orElse, out object? constant, out string when)
    {
        constant = null;
        when = string.Empty;
        if (operation is null)
        {
            return false;
        }

        // A source reached with no condition on the way is the value itself, which the caller has judged already (Constant).
        ValueSource? lesser = null;
        foreach (var source in ValueSources.Of(operation, FlowPolicy.Settings))
        {
            if (source.When.Length == 0 || Constant(source.Value) is not { HasValue: true } known)
            {
                continue;
            }

            if (isWeak(known.Value))
            {
                (constant, when) = (known.Value, source.When);
                return true;
            }

            if (lesser is null && orElse?.Invoke(known.Value) == true)
            {
                lesser = source;
            }
        }

        if (lesser is { } fallback)
        {
            (constant, when) = (Constant(fallback.Value).Value, fallback.When);
            return true;
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

        // A private field that every constructor path gives another value (private int _port = 25; then _port = options.Port;)
        // never runs with its initializer.
        if (member is IFieldSymbol field && MemberReaders.AreAllInParts(field))
        {
            ValueSources.FieldWrites(field, declaringModel, out var kept);
            if (kept is null)
            {
                return false;
            }
        }

        initializer = value;
        constant = Constant(initializer);
        return constant.HasValue;
    }

    /// <summary>
    /// The initializer of a field declared once in the compilation of <paramref name="model"/> (in its file, or in another
    /// part of a partial type, read with that file's model); null otherwise.
    /// </summary>
    internal static IOperation? InitializerIn(IFieldSymbol field, SemanticModel model)
        => field.DeclaringSyntaxReferences.Length == 1
           && CompilationSymbols.ModelOf(model, field.DeclaringSyntaxReferences[0].SyntaxTree) is { } declaringModel
            ? Initializer(field.DeclaringSyntaxReferences[0].GetSyntax(), declaringModel)
            : null;

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
}
