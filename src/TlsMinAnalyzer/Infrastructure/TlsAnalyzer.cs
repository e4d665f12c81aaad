using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// What every analyzer of the package does the same way, sealed so that no rule forgets it: concurrent execution, generated
/// code analyzed and reported (generated service clients hide TLS settings), and one compilation-start callback that receives
/// the compilation's shared symbol cache. A rule looks its types up only when a document names them, and registers nothing
/// more for a compilation that lacks them.
/// </summary>
public abstract class TlsAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start => OnCompilationStart(start, CompilationSymbols.For(start.Compilation)));
    }

    private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, CompilationSymbols symbols);

    /// <summary>
    /// Registers the actions <paramref name="create"/> gives for each member (body or initializer) of the documents whose
    /// text has a name of each of <paramref name="groups"/> (<see cref="DocumentGate"/>), so that they run only there. A
    /// diagnostic reported from them belongs to the member being analyzed, as the IDE's span-based analysis needs.
    /// <paramref name="create"/> runs once per compilation, on the first such member: a compilation, or an IDE edit, whose
    /// documents never name a family never looks its types up. It returns null when the compilation lacks them.
    /// </summary>
    private protected static void RegisterInDocumentsMentioning(CompilationStartAnalysisContext context, NameGroups groups, Func<OperationActions[]?> create)
        => RegisterInDocumentsMentioning(context, new GatedActions(groups, create));

    /// <summary>
    /// The same for several gates at once. Each member costs one callback, and registers at most one operation action: the
    /// union of the actions of the gates its documents open (<see cref="GatedDispatch"/>), built once per compilation for
    /// each combination of gates. The driver allocates for every registration of every member, so a member pays for one.
    /// </summary>
    private protected static void RegisterInDocumentsMentioning(CompilationStartAnalysisContext context, params GatedActions[] gates)
    {
        var dispatch = new GatedDispatch(gates);
        context.RegisterOperationBlockStartAction(block =>
        {
            // The driver has built the member's operation blocks before this callback (it hands them to it), so their
            // syntax gives the document for free; the symbol's declarations would be rebuilt on every call.
            var open = 0;
            SyntaxTree? last = null;
            foreach (var operationBlock in block.OperationBlocks)
            {
                var tree = operationBlock.Syntax.SyntaxTree;
                if (tree == last)
                {
                    continue;
                }

                last = tree;
                var named = DocumentGate.Groups(tree, block.CancellationToken);
                for (var g = 0; g < gates.Length; g++)
                {
                    if ((named & gates[g].Groups) == gates[g].Groups)
                    {
                        open |= 1 << g;
                    }
                }
            }

            if (open != 0 && dispatch.For(open) is { } combined)
            {
                block.RegisterOperationAction(combined.Action, combined.Kinds);
            }
        });
    }
}

/// <summary>
/// One operation action per combination of open gates: it hands each operation to the gates' actions registered for its
/// kind, in the order the gates and their actions are listed (see <see cref="TlsAnalyzer"/>).
/// </summary>
internal sealed class GatedDispatch
{
    private readonly GatedActions[] _gates;
    private readonly OperationActions?[] _combined;
    private readonly bool[] _built;

    public GatedDispatch(GatedActions[] gates)
    {
        if (gates.Length > 8)
        {
            throw new ArgumentOutOfRangeException(nameof(gates), "At most eight gates per analyzer.");
        }

        _gates = gates;
        _combined = new OperationActions?[1 << gates.Length];
        _built = new bool[1 << gates.Length];
    }

    /// <summary>The action for the gates of <paramref name="open"/> (a bit per gate), or null when they have none.</summary>
    public OperationActions? For(int open)
    {
        if (!Volatile.Read(ref _built[open]))
        {
            // Building twice in a race gives equal results (each gate creates its actions once): no lock needed.
            _combined[open] = Combine(open);
            Volatile.Write(ref _built[open], true);
        }

        return _combined[open];
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

        return new OperationActions(
            context =>
            {
                foreach (var handler in table[(int)context.Operation.Kind])
                {
                    handler(context);
                }
            },
            byKind.Keys.ToImmutableArray());
    }
}

/// <summary>Actions that run only in documents naming <see cref="Groups"/>, created on first need (see <see cref="TlsAnalyzer"/>).</summary>
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
