using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;

namespace TlsMinAnalyzer.Operations;

/// <summary>Cheap text tests that let a rule skip a document before any syntax walk or binding.</summary>
internal static class SourceTextExtensions
{
    private const int ChunkSize = 4096;

    /// <summary>How far past a chunk the scan reads to find a call's parenthesis after white space.</summary>
    private const int CallLookahead = 64;

    /// <summary>
    /// Which of <paramref name="names"/> (at most 32, each starting with an ASCII capital letter) occur in the text, as a
    /// bit mask in the order given. One pass over the text for all of them: only positions holding a capital letter are
    /// compared, and only with the names that start with it. With <paramref name="ignoreCase"/> (Visual Basic, whose names
    /// are case-insensitive) letters of either case match. A name ending in <c>(</c> is a call: the name, then any white
    /// space or Visual Basic line continuation, then the parenthesis (<c>Connect (host</c>, <c>Connect(</c>); where that
    /// white space runs past what the scan holds, the name counts as found, so a call is never missed.
    /// </summary>
    public static uint FindNames(this SourceText text, string[] names, bool ignoreCase = false)
        => text.FindNames(names, ignoreCase, 0, null);

    /// <summary>
    /// <see cref="FindNames(SourceText, string[], bool)"/>, also adding to <paramref name="positions"/>, in text order, where
    /// each name of <paramref name="located"/> (a bit mask in the order of <paramref name="names"/>) starts, with its index.
    /// </summary>
    public static uint FindNames(this SourceText text, string[] names, bool ignoreCase, uint located, List<(int Position, int Name)>? positions)
    {
        var buckets = new int[26][];
        var longest = 1;
        for (var letter = 0; letter < 26; letter++)
        {
            var count = 0;
            foreach (var name in names)
            {
                count += name[0] - 'A' == letter ? 1 : 0;
            }

            buckets[letter] = new int[count];
        }

        var filled = new int[26];
        for (var n = 0; n < names.Length; n++)
        {
            var letter = names[n][0] - 'A';
            buckets[letter][filled[letter]++] = n;
            longest = Math.Max(longest, names[n].Length);
        }

        var all = names.Length == 32 ? uint.MaxValue : (1u << names.Length) - 1;
        var found = 0u;
        var buffer = new char[ChunkSize + longest - 1 + CallLookahead];
        for (var start = 0; start < text.Length && (found != all || located != 0); start += ChunkSize)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var end = Math.Min(count, ChunkSize);
            for (var i = 0; i < end; i++)
            {
                var letter = buffer[i] - 'A';
                if (ignoreCase && (uint)(buffer[i] - 'a') < 26)
                {
                    letter = buffer[i] - 'a';
                }

                if ((uint)letter >= 26)
                {
                    continue;
                }

                foreach (var n in buckets[letter])
                {
                    var bit = 1u << n;
                    if (((found & bit) == 0 || (located & bit) != 0) && MatchesAt(buffer, count, i, names[n], ignoreCase))
                    {
                        found |= bit;
                        if ((located & bit) != 0)
                        {
                            positions?.Add((start + i, n));
                        }
                    }
                }
            }
        }

        return found;
    }

    private static bool MatchesAt(char[] buffer, int count, int index, string value, bool ignoreCase)
    {
        var call = value[value.Length - 1] == '(';
        var length = call ? value.Length - 1 : value.Length;
        if (index + length > count)
        {
            return false;
        }

        for (var j = 1; j < length; j++)
        {
            var c = buffer[index + j];
            if (c != value[j] && !(ignoreCase && FoldAscii(c) == FoldAscii(value[j])))
            {
                return false;
            }
        }

        if (!call)
        {
            return true;
        }

        for (var k = index + length; k < count; k++)
        {
            switch (buffer[k])
            {
                case '(':
                    return true;
                case ' ' or '\t' or '\r' or '\n' or '_':
                    continue;
                default:
                    return false;
            }
        }

        // The white space runs to the end of what was read: found, unless that is the end of the text.
        return count == buffer.Length;
    }

    private static char FoldAscii(char c) => c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
}
