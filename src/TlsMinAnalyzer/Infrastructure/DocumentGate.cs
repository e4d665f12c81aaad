using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// Which rule families can find anything in a document, from its text (<see cref="DocumentNames"/>): computed once per
/// document and shared by all analyzers and compilations. Each analyzer registers its operation callbacks only inside the
/// members of documents its family can find something in, so a document that never mentions TLS, certificates or mail
/// costs one text scan instead of a callback per call and assignment for every rule. The same scan keeps where the names
/// of member-level groups (a call to <c>Connect</c>) are, so a gate that needs one opens only in the members that make it.
/// </summary>
internal static class DocumentGate
{
    // Keyed by the tree, whose text never changes: the IDE's next compilation after an edit reuses every other document's
    // tree, and with it the result.
    private static readonly ConditionalWeakTable<SyntaxTree, DocumentNamesFound> Found = new ConditionalWeakTable<SyntaxTree, DocumentNamesFound>();

    /// <summary>True when the document's text has a name of every one of <paramref name="groups"/>.</summary>
    public static bool Mentions(SyntaxTree tree, NameGroups groups, CancellationToken cancellationToken)
        => (Groups(tree, cancellationToken) & groups) == groups;

    /// <summary>Every group the document's text has a name of.</summary>
    public static NameGroups Groups(SyntaxTree tree, CancellationToken cancellationToken) => For(tree, cancellationToken).Groups;

    /// <summary>What the document's text names: its groups, and where the names of <see cref="DocumentNames.MemberLevel"/> groups are.</summary>
    public static DocumentNamesFound For(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!Found.TryGetValue(tree, out var found))
        {
            var scanned = Scan(tree, cancellationToken);
            found = Found.GetValue(tree, _ => scanned);
        }

        return found;
    }

    private static readonly string[] Names = DocumentNames.All.Select(n => n.Text).ToArray();

    // The names whose positions are kept: those of the member-level groups.
    private static readonly uint Located = LocatedNames();

    private static uint LocatedNames()
    {
        var located = 0u;
        for (var n = 0; n < Names.Length; n++)
        {
            if ((DocumentNames.All[n].Groups & DocumentNames.MemberLevel) != 0)
            {
                located |= 1u << n;
            }
        }

        return located;
    }

    private static DocumentNamesFound Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var positions = new List<(int Position, int Name)>();
        var mask = tree.GetText(cancellationToken).FindNames(Names, tree.Options.Language == LanguageNames.VisualBasic, Located, positions);
        var found = NameGroups.None;
        for (var n = 0; n < Names.Length; n++)
        {
            if ((mask & (1u << n)) != 0)
            {
                found |= DocumentNames.All[n].Groups;
            }
        }

        var starts = new int[positions.Count];
        var groups = new NameGroups[positions.Count];
        for (var i = 0; i < positions.Count; i++)
        {
            starts[i] = positions[i].Position;
            groups[i] = DocumentNames.All[positions[i].Name].Groups & DocumentNames.MemberLevel;
        }

        return new DocumentNamesFound(found, starts, groups);
    }
}

/// <summary>
/// The names one document's text has: the groups (<see cref="Groups"/>), and for the member-level groups
/// (<see cref="DocumentNames.MemberLevel"/>) where each of their names starts, so that a member's own text can be asked.
/// Immutable, shared by every analyzer and compilation that sees the tree.
/// </summary>
internal sealed class DocumentNamesFound
{
    private readonly int[] _starts;
    private readonly NameGroups[] _groups;

    public DocumentNamesFound(NameGroups groups, int[] starts, NameGroups[] startGroups)
    {
        Groups = groups;
        _starts = starts;
        _groups = startGroups;
    }

    public NameGroups Groups { get; }

    /// <summary>The member-level groups with a name starting inside <paramref name="span"/>.</summary>
    public NameGroups Within(TextSpan span)
    {
        // The first name at or after the span's start (the starts are sorted; two names may start at one place).
        var first = Array.BinarySearch(_starts, span.Start);
        if (first < 0)
        {
            first = ~first;
        }

        while (first > 0 && _starts[first - 1] >= span.Start)
        {
            first--;
        }

        var within = NameGroups.None;
        for (var i = first; i < _starts.Length && _starts[i] < span.End; i++)
        {
            within |= _groups[i];
        }

        return within;
    }
}
