using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// What every fix of the package does the same way: Fix All through the batch fixer, the document's root and semantic
/// model fetched once, and config-file findings (app.config, appsettings.json: no C# to change) skipped.
/// </summary>
public abstract class TlsCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Location.IsInSource && diagnostic.Location.SourceTree == root.SyntaxTree)
            {
                RegisterFixes(context, root, model, diagnostic);
            }
        }
    }

    /// <summary>Registers the fixes for one finding in this document; registers nothing when no fix applies.</summary>
    protected abstract void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic);
}
