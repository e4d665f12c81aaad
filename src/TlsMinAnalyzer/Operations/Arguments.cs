using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Operations;

/// <summary>
/// Arguments reached through their call. Registering for calls instead of for every argument means one callback per
/// invocation or object creation instead of one per argument, and lets a rule skip a call by its signature before it looks
/// at any argument: the cheapest test first.
/// </summary>
internal static class Arguments
{
    /// <summary>The operation kinds that carry arguments our rules care about.</summary>
    public static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

    /// <summary>The call's arguments, or empty for anything else.</summary>
    public static ImmutableArray<IArgumentOperation> Of(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    /// <summary>The called method (or constructor), for a cheap look at its parameters before touching the arguments.</summary>
    public static IMethodSymbol? Target(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };
}
