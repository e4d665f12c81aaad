using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Protocols;

/// <summary>
/// Works out which protocol-version bits an expression itself writes: enum members, integer casts, constant strings given to
/// <c>Enum.Parse</c>, combined with <c>|</c>, and either branch of a conditional, <c>??</c> or switch expression. Values
/// that come from a local, a user field or a method call contribute nothing here: they are reported where they are written.
/// A mask (<c>x &amp; ~(Tls | Tls11)</c>, <c>~Tls</c>) only removes versions, so it writes none.
/// </summary>
internal static class ProtocolValues
{
    private const int MaxDepth = 32;

    public static int WrittenBits(IOperation? operation, TlsSymbols symbols) => WrittenBits(operation, symbols, 0);

    /// <summary>
    /// True for a leaf whose whole value is a constant the code wrote: <c>SslProtocols.Tls</c>, <c>(SslProtocols)768</c>,
    /// <c>Enum.Parse&lt;SslProtocols&gt;("Tls")</c>. The code fix replaces such leaves by named members.
    /// </summary>
    public static bool IsConstantLeaf(IOperation operation, TlsSymbols symbols)
    {
        switch (operation)
        {
            case IFieldReferenceOperation field:
                return IsProtocolMember(field.Field, symbols);
            case IConversionOperation conversion when !conversion.IsImplicit && IsIntegerConstant(conversion.Operand):
                return true;
            case IConversionOperation conversion when !conversion.IsImplicit:
                return IsConstantLeaf(conversion.Operand, symbols) || TryGetEnumParse(conversion.Operand, symbols, out _, out _, out _, out _);
            case IInvocationOperation invocation:
                return invocation.TargetMethod.Name == "Parse" && TryGetEnumParse(invocation, symbols, out _, out _, out _, out _);
            default:
                return false;
        }
    }

    private static int WrittenBits(IOperation? operation, TlsSymbols symbols, int depth)
    {
        if (operation is null || depth > MaxDepth)
        {
            return 0;
        }

        switch (operation)
        {
            case IFieldReferenceOperation field:
                return IsProtocolMember(field.Field, symbols) ? EnumExtensions.ToBits(field.Field.ConstantValue) : 0;

            case IConversionOperation conversion:
                if (!conversion.IsImplicit && IsIntegerConstant(conversion.Operand) && symbols.IsProtocolEnum(conversion.Type))
                {
                    return EnumExtensions.ToBits(conversion.Operand.ConstantValue.Value);
                }

                return WrittenBits(conversion.Operand, symbols, depth + 1);

            case IParenthesizedOperation parenthesized:
                return WrittenBits(parenthesized.Operand, symbols, depth + 1);

            case IBinaryOperation binary:
                switch (binary.OperatorKind)
                {
                    case BinaryOperatorKind.Or:
                    case BinaryOperatorKind.ExclusiveOr:
                    case BinaryOperatorKind.Add:
                        return WrittenBits(binary.LeftOperand, symbols, depth + 1) | WrittenBits(binary.RightOperand, symbols, depth + 1);
                    case BinaryOperatorKind.And:
                        // A constant side is a mask over what the other side writes; two unknown sides write nothing.
                        if (binary.RightOperand.ConstantValue.HasValue)
                        {
                            return WrittenBits(binary.LeftOperand, symbols, depth + 1) & EnumExtensions.ToBits(binary.RightOperand.ConstantValue.Value);
                        }

                        if (binary.LeftOperand.ConstantValue.HasValue)
                        {
                            return WrittenBits(binary.RightOperand, symbols, depth + 1) & EnumExtensions.ToBits(binary.LeftOperand.ConstantValue.Value);
                        }

                        return 0;
                    default:
                        return 0;
                }

            case IConditionalOperation conditional:
                return WrittenBits(conditional.WhenTrue, symbols, depth + 1) | WrittenBits(conditional.WhenFalse, symbols, depth + 1);

            case ICoalesceOperation coalesce:
                return WrittenBits(coalesce.Value, symbols, depth + 1) | WrittenBits(coalesce.WhenNull, symbols, depth + 1);

            case ISwitchExpressionOperation switchExpression:
                var bits = 0;
                foreach (var arm in switchExpression.Arms)
                {
                    bits |= WrittenBits(arm.Value, symbols, depth + 1);
                }

                return bits;

            case IInvocationOperation invocation when invocation.TargetMethod.Name == "Parse":
                return TryGetEnumParse(invocation, symbols, out _, out var text, out var ignoreCase, out var enumType)
                    ? ParseNames(text, ignoreCase, enumType)
                    : 0;

            default:
                return 0;
        }
    }

    /// <summary>
    /// Recognises <c>Enum.Parse(typeof(E), "...")</c>, <c>Enum.Parse&lt;E&gt;("...")</c> and the <c>TryParse</c> forms, with a
    /// constant string and a protocol enum <c>E</c>.
    /// </summary>
    public static bool TryGetEnumParse(IOperation operation, TlsSymbols symbols, out IInvocationOperation invocation, out string text, out bool ignoreCase, out INamedTypeSymbol enumType)
    {
        invocation = null!;
        text = string.Empty;
        ignoreCase = false;
        enumType = null!;
        if (operation is not IInvocationOperation candidate
            || candidate.TargetMethod.Name is not ("Parse" or "TryParse")
            || !SymbolEqualityComparer.Default.Equals(candidate.TargetMethod.ContainingType, symbols.SystemEnum))
        {
            return false;
        }

        ITypeSymbol? type = candidate.TargetMethod.IsGenericMethod ? candidate.TargetMethod.TypeArguments[0] : null;
        string? value = null;
        foreach (var argument in candidate.Arguments)
        {
            var argumentValue = OperationTreeExtensions.StripConversions(argument.Value);
            switch (argument.Parameter?.Name)
            {
                case "enumType":
                    type = (argumentValue as ITypeOfOperation)?.TypeOperand;
                    break;
                case "value":
                    value = argumentValue.ConstantValue.HasValue ? argumentValue.ConstantValue.Value as string : null;
                    break;
                case "ignoreCase":
                    ignoreCase = argumentValue.ConstantValue.HasValue && argumentValue.ConstantValue.Value is true;
                    break;
            }
        }

        if (value is null || symbols.AsProtocolEnum(type) is not { } protocolEnum)
        {
            return false;
        }

        invocation = candidate;
        text = value;
        enumType = protocolEnum;
        return true;
    }

    /// <summary>The bits of "Tls, Tls11" or "768" as <c>Enum.Parse</c> reads them; names it would reject count for nothing.</summary>
    public static int ParseNames(string text, bool ignoreCase, INamedTypeSymbol enumType)
    {
        var bits = 0;
        foreach (var rawPart in text.Split(','))
        {
            var part = rawPart.Trim();
            if (part.Length == 0)
            {
                continue;
            }

            if (int.TryParse(part, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                bits |= number;
                continue;
            }

            var comparison = ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && string.Equals(field.Name, part, comparison))
                {
                    bits |= EnumExtensions.ToBits(field.ConstantValue);
                    break;
                }
            }
        }

        return bits;
    }



    private static bool IsProtocolMember(IFieldSymbol field, TlsSymbols symbols)
        => field.HasConstantValue && field.ContainingType?.TypeKind == TypeKind.Enum && symbols.IsProtocolEnum(field.ContainingType);

    private static bool IsIntegerConstant(IOperation operation)
    {
        if (!operation.ConstantValue.HasValue || operation.Type is null)
        {
            return false;
        }

        switch (operation.Type.SpecialType)
        {
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
                return true;
            default:
                return false;
        }
    }
}
