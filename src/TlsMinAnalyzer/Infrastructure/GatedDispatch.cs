using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// Runs the gates of every rule family of a compilation from one per-member callback. For each member (body or
/// initializer) it finds the gates its document opens (<see cref="DocumentGate"/>), less those that need a call the member
/// itself does not spell (<see cref="DocumentNames.MemberLevel"/>), and registers at most one operation
/// action: the union of those gates' actions, built once per compilation for each combination of open gates, which hands
/// each operation to the gates' actions registered for its kind, in the order the gates and their actions are listed. A
/// diagnostic reported from them belongs to the member being analyzed, as the IDE's span-based analysis needs.
/// </summary>
/// <remarks>
/// The driver's own work per member and per registered action is paid once per analyzer: every analyzer's block-start
/// callback runs for every member of the compilation, and every operation action it registers makes the driver walk and
/// dispatch the member's operations for it. One registration for all families pays it once.
/// </remarks>
internal sealed class GatedDispatch
{
    private readonly GatedActions[] _gates;

    // The gates that need a member-level group (a bit per gate): they open per member, where the member spells one of its names.
    private readonly int _memberLevelGates;

    // Few combinations ever occur (they follow the sets of names documents contain); each is built on first need.
    private readonly ConcurrentDictionary<int, OperationActions?> _combined = new ConcurrentDictionary<int, OperationActions?>();

    // The gates of the document analyzed last (see ForTree).
    private TreeGates? _last;

    private GatedDispatch(GatedActions[] gates)
    {
        if (gates.Length > 31)
        {
            throw new ArgumentOutOfRangeException(nameof(gates), "At most 31 gates.");
        }

        _gates = gates;
        for (var g = 0; g < gates.Length; g++)
        {
            if ((gates[g].Groups & DocumentNames.MemberLevel) != 0)
            {
                _memberLevelGates |= 1 << g;
            }
        }
    }

    /// <summary>Registers the per-member callback that runs <paramref name="gates"/> where their documents open them.</summary>
    public static void Register(CompilationStartAnalysisContext context, GatedActions[] gates)
    {
        if (gates.Length == 0)
        {
            return;
        }

        var dispatch = new GatedDispatch(gates);
        context.RegisterOperationBlockStartAction(dispatch.OnBlockStart);
    }

    private void OnBlockStart(OperationBlockStartAnalysisContext block)
    {
        // The driver has built the member's operation blocks before this callback (it hands them to it), so their syntax
        // gives the document for free; the symbol's declarations would be rebuilt on every call.
        var blocks = block.OperationBlocks;
        if (blocks.IsEmpty)
        {
            return;
        }

        var first = ForTree(blocks[0].Syntax.SyntaxTree, block.CancellationToken);
        var open = first.Open;
        var actions = first.Actions;
        for (var i = 1; i < blocks.Length; i++)
        {
            // A member declared over several documents (a partial method's parts) opens the gates of each.
            var tree = blocks[i].Syntax.SyntaxTree;
            if (tree != first.Tree)
            {
                open |= ForTree(tree, block.CancellationToken).Open;
                actions = null;
            }
        }

        if ((open & _memberLevelGates) != 0)
        {
            var narrowed = NarrowToMember(blocks, open, first, block.CancellationToken);
            if (narrowed != open)
            {
                open = narrowed;
                actions = null;
            }
        }

        if (open != 0 && (actions ?? For(open)) is { } combined)
        {
            block.RegisterOperationAction(combined.Action, combined.Kinds);
        }
    }

    /// <summary>
    /// <paramref name="open"/> without the member-level gates whose member-level names (a call to <c>Connect</c>...) the
    /// member's own blocks do not spell: a member of a MailKit client file that never calls <c>Connect</c> gets no callback
    /// for its calls from the mail family. The names' positions come from the document's one scan.
    /// </summary>
    private int NarrowToMember(ImmutableArray<IOperation> blocks, int open, TreeGates first, CancellationToken cancellationToken)
    {
        var within = NameGroups.None;
        foreach (var operationBlock in blocks)
        {
            var syntax = operationBlock.Syntax;
            var names = syntax.SyntaxTree == first.Tree ? first.Names : ForTree(syntax.SyntaxTree, cancellationToken).Names;
            within |= names.Within(syntax.Span);
        }

        for (var g = 0; g < _gates.Length; g++)
        {
            var needed = _gates[g].Groups & DocumentNames.MemberLevel;
            if ((open & _memberLevelGates & (1 << g)) != 0 && (within & needed) != needed)
            {
                open &= ~(1 << g);
            }
        }

        return open;
    }

    /// <summary>
    /// The gates <paramref name="tree"/> opens and their actions. The driver mostly hands over a document's members one
    /// after another (on MailKit, 7 members in 10 follow one of the same document), so the answer for the last document is
    /// kept and those members skip the document's name lookup, the gate loop and the combination lookup. The kept answer
    /// is one immutable object, replaced whole, so concurrent callers never see a torn pair.
    /// </summary>
    private TreeGates ForTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var last = Volatile.Read(ref _last);
        if (last != null && last.Tree == tree)
        {
            return last;
        }

        var names = DocumentGate.For(tree, cancellationToken);
        var named = names.Groups;
        var open = 0;
        for (var g = 0; g < _gates.Length; g++)
        {
            if ((named & _gates[g].Groups) == _gates[g].Groups)
            {
                open |= 1 << g;
            }
        }

        var gates = new TreeGates(tree, names, open, open == 0 ? null : For(open));
        Volatile.Write(ref _last, gates);
        return gates;
    }

    /// <summary>The gates one document opens (a bit per gate) and the actions they run there, if any.</summary>
    private sealed class TreeGates
    {
        public TreeGates(SyntaxTree tree, DocumentNamesFound names, int open, OperationActions? actions)
        {
            Tree = tree;
            Names = names;
            Open = open;
            Actions = actions;
        }

        public SyntaxTree Tree { get; }

        public DocumentNamesFound Names { get; }

        public int Open { get; }

        public OperationActions? Actions { get; }
    }

    /// <summary>The actions for the gates of <paramref name="open"/> (a bit per gate); none when those gates have none.</summary>
    private OperationActions? For(int open)
    {
        if (!_combined.TryGetValue(open, out var combined))
        {
            // Building twice in a race gives equal results (each gate creates its actions once).
            combined = _combined.GetOrAdd(open, Combine(open));
        }

        return combined;
    }

    private OperationActions? Combine(int open)
    {
        var byKind = new Dictionary<OperationKind, List<Action<OperationAnalysisContext>>>();
        for (var g = 0; g < _gates.Length; g++)
        {
            if ((open & (1 << g)) == 0)
            {
                continue;
            }

            foreach (var action in _gates[g].Actions)
            {
                foreach (var kind in action.Kinds)
                {
                    if (!byKind.TryGetValue(kind, out var handlers))
                    {
                        byKind[kind] = handlers = new List<Action<OperationAnalysisContext>>();
                    }

                    handlers.Add(action.Action);
                }
            }
        }

        if (byKind.Count == 0)
        {
            return null;
        }

        var table = new Action<OperationAnalysisContext>[byKind.Keys.Max(k => (int)k) + 1][];
        foreach (var pair in byKind)
        {
            table[(int)pair.Key] = pair.Value.ToArray();
        }

        return new OperationActions(new KindTable(table).Run, byKind.Keys.ToImmutableArray());
    }

    /// <summary>The handlers of one combination of gates, indexed by operation kind.</summary>
    private sealed class KindTable
    {
        private readonly Action<OperationAnalysisContext>[][] _handlers;

        public KindTable(Action<OperationAnalysisContext>[][] handlers) => _handlers = handlers;

        [MethodImpl(HotPath.Optimized)]
        public void Run(OperationAnalysisContext context)
        {
            foreach (var handler in _handlers[(int)context.Operation.Kind])
            {
                handler(context);
            }
        }
    }
}

/// <summary>
/// Actions that run only in documents naming <see cref="Groups"/> (see <see cref="GatedDispatch"/>), created on first need:
/// <c>create</c> runs once per compilation, on the first member of such a document, so a compilation, or an IDE edit, whose
/// documents never name a family never looks its types up. It returns null when the compilation lacks them.
/// </summary>
internal sealed class GatedActions
{
    private readonly Lazy<OperationActions[]> _actions;

    public GatedActions(NameGroups groups, Func<OperationActions[]?> create)
    {
        Groups = groups;
        _actions = new Lazy<OperationActions[]>(() => create() ?? Array.Empty<OperationActions>(), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public NameGroups Groups { get; }

    public OperationActions[] Actions => _actions.Value;
}
