using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// Fix All through Roslyn's batch fixer, which applies, for every finding, the action whose equivalence key the request
/// names. The IDE always names one (the action the user chose). A tool may not: <c>dotnet format analyzers</c> takes the key
/// from the first action registered for the first finding it has, which, since one analyzer reports several rules, can
/// be another rule's finding, for which our fixers register nothing — no key, so the batch fixer would apply nothing. A
/// request without a key gets the key of the first action this fixer registers for the first finding of the request's
/// rules (in its document, else in its project): the action the light bulb lists first, as <c>dotnet format</c> intends.
/// </summary>
internal sealed class FirstActionFixAll : FixAllProvider
{
    public static readonly FirstActionFixAll Instance = new FirstActionFixAll();

    private FirstActionFixAll()
    {
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() => WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes();

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.CodeActionEquivalenceKey is null
            && await FirstKeyAsync(fixAllContext).ConfigureAwait(false) is { } key)
        {
            var diagnostics = new SameDiagnostics(fixAllContext);
            fixAllContext = fixAllContext.Document is { } document
                ? new FixAllContext(document, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken)
                : new FixAllContext(fixAllContext.Project, fixAllContext.CodeFixProvider, fixAllContext.Scope, key, fixAllContext.DiagnosticIds, diagnostics, fixAllContext.CancellationToken);
        }

        return await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
    }

    /// <summary>The key of the first action registered for the first of the request's findings that has one.</summary>
    private static async Task<string?> FirstKeyAsync(FixAllContext fixAllContext)
    {
        if (fixAllContext.Document is { } document
            && await FirstKeyAsync(fixAllContext, await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)).ConfigureAwait(false) is { } key)
        {
            return key;
        }

        return await FirstKeyAsync(fixAllContext, await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false)).ConfigureAwait(false);
    }

    private static async Task<string?> FirstKeyAsync(FixAllContext fixAllContext, IEnumerable<Diagnostic> candidates)
    {
        var cancellationToken = fixAllContext.CancellationToken;
        foreach (var diagnostic in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (diagnostic.Location.SourceTree is not { } tree || fixAllContext.Project.GetDocument(tree) is not { } owner)
            {
                continue;
            }

            CodeAction? first = null;
            await fixAllContext.CodeFixProvider.RegisterCodeFixesAsync(new CodeFixContext(owner, diagnostic, (action, _) => first ??= action, cancellationToken)).ConfigureAwait(false);
            if (first?.EquivalenceKey is { } key)
            {
                return key;
            }
        }

        return null;
    }

    /// <summary>The original request's findings, handed on unchanged.</summary>
    private sealed class SameDiagnostics : FixAllContext.DiagnosticProvider
    {
        private readonly FixAllContext _original;

        public SameDiagnostics(FixAllContext original)
        {
            _original = original;
        }

        public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            => AsEnumerable(_original.GetDocumentDiagnosticsAsync(document));

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => AsEnumerable(_original.GetProjectDiagnosticsAsync(project));

        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => AsEnumerable(_original.GetAllDiagnosticsAsync(project));

        private static async Task<IEnumerable<Diagnostic>> AsEnumerable(Task<System.Collections.Immutable.ImmutableArray<Diagnostic>> diagnostics)
            => await diagnostics.ConfigureAwait(false);
    }
}
