using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
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
/// <see cref="Candidates"/> asks the value-flow engine for every way the value can be decided instead
/// (<see cref="FlowPolicy.Callbacks"/>: each write of a local or private field, every arm, what a private helper of this
/// file returns) and resolves each.
/// </summary>
internal static class CallbackResolver
{
    private const int MaxHops = 4;

    /// <summary>The one callback the value installs; false when there is none or more than one (the fixes need one).</summary>
    public static bool TryResolve(IOperation value, CertificateSymbols symbols, out ResolvedCallback callback) => TryResolve(value, symbols, 0, out callback);

    /// <summary>
    /// Every callback the value can install, whichever branch, arm or return decides it (bounded: a few hops, a few
    /// candidates). A value any of whose candidates accepts bad certificates is a finding: one path is enough.
    /// </summary>
    public static List<ResolvedCallback> Candidates(IOperation value, CertificateSymbols symbols)
    {
        var found = new List<ResolvedCallback>();
        foreach (var source in ValueSources.Of(value, FlowPolicy.Callbacks))
        {
            if (source.Value is IAnonymousFunctionOperation lambda && Forwarded(lambda, symbols) is { } target)
            {
                // (s, c, ch, e) => validator.Validate(s, c, ch, e): the method it hands the errors to decides.
                if (TryResolveMethod(target, lambda, symbols, out var forwardedTo))
                {
                    found.Add(forwardedTo);
                }
            }
            else if (TryResolve(source.Value, symbols, 0, out var callback))
            {
                found.Add(callback);
            }
        }

        return found;
    }

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
                return reference.SemanticModel is { } model && ValueFlow.InitializerIn(field, model) is { } initializer
                       && TryResolve(initializer, symbols, hops + 1, out callback);

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
        // A validator in another file (a class whose method is installed as a method group) is read with that file's
        // model, built once per compilation; the verdict is cached per method (CertificateSymbols.Judge).
        callback = default;
        return reference.SemanticModel is { } model
               && OperationTreeExtensions.BodyOf(method, model, out var definition) is { } body
               && definition != null
               && TryCreate(body, method, definition, method, symbols, out callback);
    }

    /// <summary>
    /// The method a lambda only hands its errors to: a body that is one <c>return M(..., errors, ...)</c> with the
    /// lambda's own <c>SslPolicyErrors</c> parameter passed to the method's.
    /// </summary>
    private static IMethodSymbol? Forwarded(IAnonymousFunctionOperation lambda, CertificateSymbols symbols)
    {
        // One return statement; VB adds an implicit exit label and return of the function's value after it.
        var operations = lambda.Body.Operations;
        if (operations.Length == 0
            || operations[0] is not IReturnOperation { ReturnedValue: { } returned }
            || returned.StripConversions() is not IInvocationOperation { TargetMethod: { ReturnType.SpecialType: SpecialType.System_Boolean } target } call)
        {
            return null;
        }

        for (var i = 1; i < operations.Length; i++)
        {
            if (!operations[i].IsImplicit)
            {
                return null;
            }
        }

        foreach (var argument in call.Arguments)
        {
            if (argument.Parameter is { } parameter && symbols.IsErrorsParameter(parameter)
                && argument.Value.StripConversions() is IParameterReferenceOperation { Parameter: { } passed }
                && SymbolEqualityComparer.Default.Equals(passed.ContainingSymbol, lambda.Symbol)
                && symbols.IsErrorsParameter(passed))
            {
                return target;
            }
        }

        return null;
    }
}
