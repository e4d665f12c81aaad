using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Switches;

/// <summary>
/// A registry write with constant parts: <c>Registry.SetValue(keyName, valueName, value)</c>, or
/// <c>key.SetValue(valueName, value)</c> on a key opened or created with a constant path in the same method
/// (<c>Registry.LocalMachine.CreateSubKey(@"SOFTWARE\...")</c>, held in a local or used directly).
/// </summary>
internal static class RegistryWrites
{
    /// <summary>The key path (null when it cannot be read), the value's name and its integer value, for a write of a constant number.</summary>
    public static bool TryRead(IInvocationOperation invocation, INamedTypeSymbol? registry, INamedTypeSymbol? registryKey, out string? path, out string valueName, out long value)
    {
        path = null;
        valueName = string.Empty;
        value = 0;
        var method = invocation.TargetMethod;
        if (method.Name != "SetValue")
        {
            return false;
        }

        int nameIndex;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, registry) && invocation.Arguments.Length >= 3)
        {
            nameIndex = 1;
            path = ValueFlow.Constant(Argument(invocation, 0)).Value as string;
        }
        else if (SymbolEqualityComparer.Default.Equals(method.ContainingType, registryKey) && invocation.Arguments.Length >= 2)
        {
            nameIndex = 0;
            path = KeyPath(invocation.Instance);
        }
        else
        {
            return false;
        }

        if (ValueFlow.Constant(Argument(invocation, nameIndex)).Value is not string name
            || !TryNumber(Argument(invocation, nameIndex + 1), out value))
        {
            return false;
        }

        valueName = name;
        return true;
    }

    /// <summary>The argument given for the parameter at <paramref name="ordinal"/>, whatever order the call names them in.</summary>
    private static IOperation? Argument(IInvocationOperation invocation, int ordinal)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Ordinal == ordinal)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>A constant number, boxed to <c>object</c> as SetValue takes it, or a string of digits (REG_SZ "0").</summary>
    private static bool TryNumber(IOperation? operation, out long number)
    {
        number = 0;
        var constant = ValueFlow.Constant(operation);
        switch (constant.HasValue ? constant.Value : null)
        {
            case int i:
                number = i;
                return true;
            case long l:
                number = l;
                return true;
            case uint u:
                number = u;
                return true;
            case string s when long.TryParse(s, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var parsed):
                number = parsed;
                return true;
            default:
                return false;
        }
    }

    /// <summary>The path of a key opened or created with a constant name: directly, or through a local given it once.</summary>
    private static string? KeyPath(IOperation? key)
    {
        for (var hops = 0; key != null && hops < 3; hops++)
        {
            switch (key.StripConversions())
            {
                case IInvocationOperation { TargetMethod.Name: "OpenSubKey" or "CreateSubKey" } open when open.Arguments.Length > 0:
                    return ValueFlow.Constant(Argument(open, 0)).Value as string;
                case ILocalReferenceOperation local when ValueFlow.TrySingleWrite(local, out var written):
                    key = written;
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }
}
