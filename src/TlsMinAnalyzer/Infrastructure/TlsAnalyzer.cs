using System;
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
    /// The same for several gates at once, with one callback per member for all of them: each member-level callback costs
    /// about as much as the work it saves on a member that names nothing, so an analyzer registers one.
    /// </summary>
    private protected static void RegisterInDocumentsMentioning(CompilationStartAnalysisContext context, params GatedActions[] gates)
        => context.RegisterOperationBlockStartAction(block =>
        {
            // The member's declarations give its documents without binding anything: reading the operation blocks here
            // would make this callback the one that binds every member body.
            var references = block.OwningSymbol.DeclaringSyntaxReferences;
            foreach (var gate in gates)
            {
                foreach (var declaration in references)
                {
                    if (DocumentGate.Mentions(declaration.SyntaxTree, gate.Groups, block.CancellationToken))
                    {
                        foreach (var action in gate.Actions)
                        {
                            block.RegisterOperationAction(action.Action, action.Kinds);
                        }

                        break;
                    }
                }
            }
        });
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
