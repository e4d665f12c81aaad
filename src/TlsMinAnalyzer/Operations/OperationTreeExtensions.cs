using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Operations;

/// <summary>Generic operation-tree helpers shared by the rules and their fixes.</summary>
internal static class OperationTreeExtensions
{
    /// <summary>
    /// The operand under every conversion (implicit and explicit casts alike) and every pair of parentheses (Visual Basic
    /// keeps them in the operation tree; C# does not).
    /// </summary>
    public static IOperation StripConversions(this IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    /// <summary>The outermost operation (the member body or initializer, lambdas included) that contains <paramref name="operation"/>.</summary>
    public static IOperation Root(this IOperation operation)
    {
        var root = operation;
        while (root.Parent != null)
        {
            root = root.Parent;
        }

        return root;
    }

    /// <summary>
    /// The operation that takes <paramref name="value"/>: its parent past conversions, parentheses and delegate creations
    /// (a lambda or method group handed on as a delegate is still the same value).
    /// </summary>
    public static IOperation? Consumer(this IOperation value)
    {
        var parent = value.Parent;
        while (parent is IConversionOperation or IParenthesizedOperation or IDelegateCreationOperation)
        {
            parent = parent.Parent;
        }

        return parent;
    }

    /// <summary>The local, parameter, field or property a reference names; null for any other operation.</summary>
    public static ISymbol? ReferencedSymbol(this IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation property => property.Property,
        _ => null,
    };

    /// <summary>True when the operation is the target an assignment writes (<c>x = ...</c>, <c>x += ...</c>), not a read.</summary>
    public static bool IsAssignmentTarget(this IOperation operation)
        => operation.Parent is IAssignmentOperation assignment && assignment.Target == operation;

    /// <summary>True when a lambda or local function lies between <paramref name="operation"/> and <paramref name="root"/> (the top when null).</summary>
    public static bool IsInsideFunction(this IOperation operation, IOperation? root = null)
    {
        for (var parent = operation.Parent; parent != null && parent != root; parent = parent.Parent)
        {
            if (parent is IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The body of a method or local function declared in <paramref name="model"/>'s file, in either language: C# gives the
    /// declaration a method-body operation (block or expression body); Visual Basic declares a method by its
    /// <c>Sub</c>/<c>Function</c> statement, whose block (the parent) is the body. <paramref name="definition"/> is the
    /// operation that holds the body (for a callback's verdict and its fixes). The method may be declared in another file
    /// of the compilation (<see cref="CompilationSymbols.ModelOf"/>).
    /// </summary>
    public static IOperation? BodyOf(IMethodSymbol method, SemanticModel model, out IOperation? definition)
    {
        definition = null;
        return method.DeclaringSyntaxReferences.Length == 1
               && method.DeclaringSyntaxReferences[0].GetSyntax() is { } declaration
               && CompilationSymbols.ModelOf(model, declaration.SyntaxTree) is { } declaringModel
            ? BodyOf(declaration, declaringModel, out definition)
            : null;
    }

    /// <summary>As above, for a declaration in <paramref name="model"/>'s own file.</summary>
    public static IOperation? BodyOf(SyntaxNode declaration, SemanticModel model, out IOperation? definition)
    {
        definition = model.GetOperation(declaration) ?? (declaration.Parent is { } parent ? model.GetOperation(parent) : null);
        switch (definition)
        {
            case IMethodBodyOperation body:
                return body.BlockBody ?? body.ExpressionBody;
            case ILocalFunctionOperation localFunction:
                return localFunction.Body ?? localFunction.IgnoredBody;
            case IBlockOperation block:
                return block;
            default:
                definition = null;
                return null;
        }
    }

    /// <summary>
    /// A local's initializer in either language: C# puts it on the declarator; Visual Basic puts <c>Dim x = value</c> (and
    /// <c>Dim a, b As New T</c>) on the declaration.
    /// </summary>
    public static IVariableInitializerOperation? InitializerOf(this IVariableDeclaratorOperation declarator)
        => declarator.Initializer ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer;

    /// <summary>The local an initializer gives its value to (C#: its declarator's; VB: its declaration's single declarator's).</summary>
    public static ILocalSymbol? InitializedLocal(this IVariableInitializerOperation initializer) => initializer.Parent switch
    {
        IVariableDeclaratorOperation declarator => declarator.Symbol,
        IVariableDeclarationOperation { Declarators.Length: 1 } declaration => declaration.Declarators[0].Symbol,
        _ => null,
    };

    /// <summary>
    /// The whole declaration of a type or method: C# declares them by their full node; Visual Basic by their first statement
    /// (<c>Class C</c>, <c>Function F()</c>), whose block (the parent) holds the members or the body.
    /// </summary>
    public static SyntaxNode Block(this SyntaxNode declaration)
        => declaration.Language == LanguageNames.VisualBasic && declaration.Parent is { } block && block.ChildNodes().FirstOrDefault() == declaration
            ? block
            : declaration;

    /// <summary>
    /// True when <paramref name="block"/> is Visual Basic's <c>With</c> block over <paramref name="expression"/>: the block
    /// has no public operation kind, and its first child is the expression its <c>.Member</c> accesses stand for.
    /// </summary>
    public static bool IsWithBlockOf(this IOperation? block, IOperation expression)
        => block is { Kind: OperationKind.None, Language: LanguageNames.VisualBasic } && block.Children.FirstOrDefault() == expression;

    /// <summary>The expression of the innermost <c>With</c> block an implicit receiver (<c>.EnableSsl</c> in VB) stands for.</summary>
    public static IOperation? WithExpression(this IInstanceReferenceOperation receiver)
    {
        if (receiver.ReferenceKind != InstanceReferenceKind.ImplicitReceiver || receiver.Language != LanguageNames.VisualBasic)
        {
            return null;
        }

        for (var current = receiver.Parent; current != null; current = current.Parent)
        {
            if (current.Kind == OperationKind.None && current.Children.FirstOrDefault() is { } expression
                && expression != receiver && SymbolEqualityComparer.Default.Equals(expression.Type, receiver.Type))
            {
                return expression;
            }
        }

        return null;
    }
}
