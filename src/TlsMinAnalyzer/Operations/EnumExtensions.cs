using System;
using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Operations;

/// <summary>Generic questions about enum types and their constants, asked by every rule that reads an enum-typed setting.</summary>
internal static class EnumExtensions
{
    /// <summary>An enum constant (or any integral constant) as its bits; 0 for anything else.</summary>
    public static int ToBits(object? value)
    {
        try
        {
            return value is null ? 0 : unchecked((int)Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is InvalidCastException || ex is FormatException || ex is OverflowException)
        {
            return 0;
        }
    }

    /// <summary>The named constant of the enum, or null when this target framework's enum lacks it (e.g. Tls13 on net472).</summary>
    public static IFieldSymbol? FindConstantMember(this INamedTypeSymbol enumType, string name)
    {
        foreach (var member in enumType.GetMembers(name))
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The first member, in declaration order, whose value is exactly <paramref name="value"/>; null when none is.</summary>
    public static IFieldSymbol? FindMemberByValue(this INamedTypeSymbol enumType, object? value)
    {
        if (value is null)
        {
            return null;
        }

        var bits = ToBits(value);
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ToBits(field.ConstantValue) == bits)
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>The names of the non-zero members whose bits are all in <paramref name="bits"/>, comma-separated in declaration order.</summary>
    public static string MemberNamesWithin(this INamedTypeSymbol enumType, int bits)
    {
        var names = new System.Text.StringBuilder();
        foreach (var member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && ToBits(field.ConstantValue) is var memberBits && memberBits != 0 && (bits & memberBits) == memberBits)
            {
                names.Append(names.Length == 0 ? string.Empty : ", ").Append(field.Name);
            }
        }

        return names.ToString();
    }
}
