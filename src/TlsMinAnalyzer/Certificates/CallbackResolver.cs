using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Certificates;

/// <summary>A callback's body and its <c>SslPolicyErrors</c> parameter, found from the value that installs it.</summary>
internal readonly struct ResolvedCallback
{
    public ResolvedCallback(IOperation body, IParameterSymbol errors, IOperation definition, IMethodSymbol? method)
    {
        Body = body;
        Errors = errors;
        Definition = definition;
        Method = method;
    }

    public IOperation Body { get; }

    public IParameterSymbol Errors { get; }

    /// <summary>The lambda, anonymous method, method or local function that holds the body.</summary>
    public IOperation Definition { get; }

    /// <summary>The method or local function, when the callback is one (installed as a method group): its verdict can be shared.</summary>
    public IMethodSymbol? Method { get; }
}

/// <summary>
/// Follows an installed value to the code of the callback: a lambda or anonymous method, a method group of a method in the
/// same file, a local function, or a local/private field holding one of those (its single initializer or assignment).
/// </summary>
internal static class CallbackResolver
{
    private const int MaxHops = 4;

    public static bool TryResolve(IOperation value, CertificateSymbols symbols, out ResolvedCallback callback) => TryResolve(value, symbols, 0, out callback);

    private static bool TryResolve(IOperation value, CertificateSymbols symbols, int hops, out ResolvedCallback callback)
    {
        callback = default;
        if (hops > MaxHops)
        {
            return false;
        }

        value = OperationTreeExtensions.StripConversions(value);
        if (value is IDelegateCreationOperation creation)
        {
            value = creation.Target;
        }

        switch (value)
        {
            case IAnonymousFunctionOperation lambda:
                return TryCreate(lambda.Body, lambda.Symbol, lambda, null, symbols, out callback);

            case IMethodReferenceOperation { Method: { } method } reference:
                return TryResolveMethod(method, reference, symbols, out callback);

            case ILocalReferenceOperation local:
                return ValueFlow.TrySingleWrite(local, out var written) && TryResolve(written, symbols, hops + 1, out callback);

            case IFieldReferenceOperation { Field: { DeclaredAccessibility: Accessibility.Private } field } reference:
                return TryFieldInitializer(field, reference, out var initializer) && TryResolve(initializer, symbols, hops + 1, out callback);

            default:
                return false;
        }
    }

    private static bool TryCreate(IOperation? body, IMethodSymbol signature, IOperation definition, IMethodSymbol? method, CertificateSymbols symbols, out ResolvedCallback callback)
    {
        callback = default;
        if (body is null)
        {
            return false;
        }

        foreach (var parameter in signature.Parameters)
        {
            if (symbols.IsErrorsParameter(parameter))
            {
                callback = new ResolvedCallback(body, parameter, definition, method);
                return true;
            }
        }

        return false;
    }

    private static bool TryResolveMethod(IMethodSymbol method, IOperation reference, CertificateSymbols symbols, out ResolvedCallback callback)
    {
        callback = default;
        var model = reference.SemanticModel;
        if (model is null || method.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntaxReference = method.DeclaringSyntaxReferences[0];
        if (syntaxReference.SyntaxTree != model.SyntaxTree)
        {
            return false; // another file: its semantic model is not ours to build here
        }

        switch (model.GetOperation(syntaxReference.GetSyntax()))
        {
            case IMethodBodyOperation body:
                return TryCreate(body.BlockBody ?? body.ExpressionBody, method, body, method, symbols, out callback);
            case ILocalFunctionOperation localFunction:
                return TryCreate(localFunction.Body ?? localFunction.IgnoredBody, method, localFunction, method, symbols, out callback);
            default:
                return false;
        }
    }

    private static bool TryFieldInitializer(IFieldSymbol field, IOperation reference, out IOperation initializer)
    {
        initializer = null!;
        var model = reference.SemanticModel;
        if (model is null || field.DeclaringSyntaxReferences.Length != 1)
        {
            return false;
        }

        var syntaxReference = field.DeclaringSyntaxReferences[0];
        if (syntaxReference.SyntaxTree != model.SyntaxTree
            || syntaxReference.GetSyntax() is not VariableDeclaratorSyntax { Initializer: { } equalsValue }
            || model.GetOperation(equalsValue) is not IFieldInitializerOperation fieldInitializer)
        {
            return false;
        }

        initializer = fieldInitializer.Value;
        return true;
    }
}
