using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Operations;

/// <summary>
/// Arguments reached through their call. Registering for calls instead of for every argument means one callback per
/// invocation or object creation instead of one per argument, and lets a rule skip a call by a cheap test of its
/// arguments' types (<see cref="Any"/>) before it analyzes any of them.
/// </summary>
internal static class Arguments
{
    /// <summary>The operation kinds that carry arguments our rules care about.</summary>
    public static readonly ImmutableArray<OperationKind> CallKinds = ImmutableArray.Create(OperationKind.Invocation, OperationKind.ObjectCreation);

    /// <summary>The call's arguments, or empty for anything else.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static ImmutableArray<IArgumentOperation> Of(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.Arguments,
        IObjectCreationOperation creation => creation.Arguments,
        _ => ImmutableArray<IArgumentOperation>.Empty,
    };

    /// <summary>
    /// Whether some argument of the call passes <paramref name="test"/>: the cheap test of a call's signature. The arguments
    /// are already built, each value converted to its parameter's type, where asking the called method for its parameters
    /// builds them anew on every call.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool Any<TState>(IOperation call, TState state, Func<IArgumentOperation, TState, bool> test)
    {
        foreach (var argument in Of(call))
        {
            if (test(argument, state))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The called method (or constructor), for its name. To test its signature use <see cref="Any"/>: the method's
    /// <c>Parameters</c> are built anew on every call.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static IMethodSymbol? Target(IOperation call) => call switch
    {
        IInvocationOperation invocation => invocation.TargetMethod,
        IObjectCreationOperation creation => creation.Constructor,
        _ => null,
    };
}
