using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Switches;

/// <summary><c>AppContext.SetSwitch(name, true)</c> with a constant name (also through a const or a single-write local).</summary>
internal static class AppContextSwitches
{
    /// <summary>The switch's name when <paramref name="invocation"/> turns a switch on, else false.</summary>
    public static bool TryGetEnabledSwitch(IInvocationOperation invocation, INamedTypeSymbol? appContext, out string name)
    {
        name = string.Empty;
        if (invocation.TargetMethod.Name != "SetSwitch"
            || invocation.Arguments.Length != 2
            || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingType, appContext)
            || ValueFlow.Constant(invocation.Arguments[0].Value) is not { HasValue: true, Value: string text }
            || ValueFlow.Constant(invocation.Arguments[1].Value) is not { HasValue: true, Value: true })
        {
            return false;
        }

        name = text;
        return true;
    }
}
