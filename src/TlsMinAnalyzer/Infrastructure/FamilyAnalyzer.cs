using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// The analyzer of one rule family (TLS001 and TLS005; TLS003, TLS004 and TLS008; ...): the descriptors it reports from
/// one pass, and, per compilation, the operation actions of that pass, each behind the names a document must contain for
/// it to find anything there (<see cref="GatedActions"/>). It looks its types up only when a document names them (through
/// the compilation's shared <see cref="CompilationSymbols"/>), and gives no actions for a compilation that lacks them.
/// </summary>
/// <remarks>
/// Family analyzers are not registered with Roslyn one by one: <see cref="Rules.TlsCodeAnalyzer"/> runs them all. The
/// driver's work per member and per registered action is paid per <c>DiagnosticAnalyzer</c>, so six of them paid it six
/// times (see the README's performance section); each family keeps its own class, descriptors, knowledge and tests.
/// </remarks>
internal abstract class FamilyAnalyzer
{
    public abstract ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>
    /// The family's gated actions for one compilation, with the compilation's symbol cache and options (one of each, shared by
    /// every family). Called at every compilation start, which the IDE pays on every edit: keep it to creating a few objects.
    /// </summary>
    public abstract GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options);
}
