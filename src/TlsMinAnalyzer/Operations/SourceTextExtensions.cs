using System;
using Microsoft.CodeAnalysis.Text;

namespace TlsMinAnalyzer.Operations;

/// <summary>Cheap text tests that let a rule skip a document before any syntax walk or binding.</summary>
internal static class SourceTextExtensions
{
    private const int ChunkSize = 4096;

    /// <summary>
    /// True when <paramref name="value"/> occurs in the text (ordinal). Reads the text in chunks into one buffer, so a
    /// document that does not mention the name costs one pass over its characters and no per-document string.
    /// </summary>
    public static bool Contains(this SourceText text, string value)
    {
        if (value.Length == 0 || text.Length < value.Length)
        {
            return value.Length == 0;
        }

        // Consecutive chunks overlap by value.Length - 1 characters, so a match across a chunk boundary is still seen.
        var buffer = new char[ChunkSize + value.Length - 1];
        for (var start = 0; start < text.Length; start += ChunkSize)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (IndexOf(buffer, count, value))
            {
                return true;
            }
        }

        return false;
    }

    // Array.IndexOf rather than span search: spans would add a System.Memory reference, and the package references nothing
    // that Roslyn 3.7.0 does not already bring. The runtime vectorizes Array.IndexOf for chars, so the jump from one
    // candidate first character to the next is the fast part of the scan.
    private static bool IndexOf(char[] buffer, int count, string value)
    {
        var first = value[0];
        var last = count - value.Length;
        for (var i = 0; i <= last; i++)
        {
            i = Array.IndexOf(buffer, first, i, last - i + 1);
            if (i < 0)
            {
                return false;
            }

            var j = 1;
            while (j < value.Length && buffer[i + j] == value[j])
            {
                j++;
            }

            if (j == value.Length)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Which of <paramref name="names"/> (at most 32, each starting with an ASCII capital letter) occur in the text, as a
    /// bit mask in the order given. One pass over the text for all of them: only positions holding a capital letter are
    /// compared, and only with the names that start with it.
    /// </summary>
    public static uint FindNames(this SourceText text, string[] names)
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
        var buffer = new char[ChunkSize + longest - 1];
        for (var start = 0; start < text.Length && found != all; start += ChunkSize)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            var end = Math.Min(count, ChunkSize);
            for (var i = 0; i < end; i++)
            {
                var letter = buffer[i] - 'A';
                if ((uint)letter >= 26)
                {
                    continue;
                }

                foreach (var n in buckets[letter])
                {
                    if ((found & (1u << n)) == 0 && MatchesAt(buffer, count, i, names[n]))
                    {
                        found |= 1u << n;
                    }
                }
            }
        }

        return found;
    }

    private static bool MatchesAt(char[] buffer, int count, int index, string value)
    {
        if (index + value.Length > count)
        {
            return false;
        }

        for (var j = 1; j < value.Length; j++)
        {
            if (buffer[index + j] != value[j])
            {
                return false;
            }
        }

        return true;
    }
}
