using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// Which rule families can find anything in a document, from its text (<see cref="DocumentNames"/>): computed once per
/// document and shared by all analyzers and compilations. Each analyzer registers its operation callbacks only inside the
/// members of documents its family can find something in, so a document that never mentions TLS, certificates or mail
/// costs one text scan instead of a callback per call and assignment for every rule.
/// </summary>
internal static class DocumentGate
{
    // Keyed by the tree, whose text never changes: the IDE's next compilation after an edit reuses every other document's
    // tree, and with it the result.
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<NameGroups>> Found = new ConditionalWeakTable<SyntaxTree, StrongBox<NameGroups>>();

    /// <summary>True when the document's text has a name of every one of <paramref name="groups"/>.</summary>
    public static bool Mentions(SyntaxTree tree, NameGroups groups, CancellationToken cancellationToken)
        => (Groups(tree, cancellationToken) & groups) == groups;

    /// <summary>Every group the document's text has a name of.</summary>
    public static NameGroups Groups(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (!Found.TryGetValue(tree, out var found))
        {
            var scanned = new StrongBox<NameGroups>(Scan(tree, cancellationToken));
            found = Found.GetValue(tree, _ => scanned);
        }

        return found.Value;
    }

    private static readonly string[] Names = DocumentNames.All.Select(n => n.Text).ToArray();

    private static NameGroups Scan(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var mask = tree.GetText(cancellationToken).FindNames(Names, ignoreCase: tree.Options.Language == LanguageNames.VisualBasic);
        var found = NameGroups.None;
        for (var n = 0; n < Names.Length; n++)
        {
            if ((mask & (1u << n)) != 0)
            {
                found |= DocumentNames.All[n].Groups;
            }
        }

        return found;
    }
}
