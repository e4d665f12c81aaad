using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// What every fix of the package does the same way: Fix All through the batch fixer (<see cref="FirstActionFixAll"/>), the
/// document's root and semantic model fetched once, findings of other rules and config-file findings (app.config,
/// appsettings.json: no C# to change) skipped, and every edit built only when its action is chosen or previewed.
/// </summary>
/// <remarks>
/// The fixers carry <c>[ExportCodeFixProvider]</c> but not <c>[Shared]</c>: the IDE finds them by the export alone, and
/// <c>[Shared]</c> would make this assembly reference a System.Composition newer than Visual Studio 2019 ships (the package
/// test reads the packed assembly's references and fails on one above the supported floor).
/// </remarks>
public abstract class TlsCodeFixProvider : CodeFixProvider
{
    public sealed override FixAllProvider GetFixAllProvider() => FirstActionFixAll.Instance;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null)
        {
            return;
        }

        var visualBasic = context.Document.Project.Language == LanguageNames.VisualBasic;
        foreach (var diagnostic in context.Diagnostics)
        {
            // A tool may hand a fixer another rule's finding (dotnet format does, to learn which action to apply to all).
            if (!FixableDiagnosticIds.Contains(diagnostic.Id)
                || !diagnostic.Location.IsInSource
                || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            if (visualBasic)
            {
                await RegisterNeutralFixesAsync(context, root, model, diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(context.Document)).ConfigureAwait(false);
            }
            else
            {
                await RegisterFixesAsync(context, root, model, diagnostic).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// The fixes for a Visual Basic document, built with <see cref="Microsoft.CodeAnalysis.Editing.SyntaxGenerator"/> and
    /// operations (<see cref="NeutralFixes"/>): the same actions, keys and titles as the C# ones where the shape allows;
    /// registers nothing where it does not.
    /// </summary>
    protected virtual void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
    }

    /// <summary>For a neutral fix that must look at other documents first (a reference search); by default <see cref="RegisterNeutralFixes"/>.</summary>
    protected virtual Task RegisterNeutralFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        RegisterNeutralFixes(context, root, model, diagnostic, generator);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Registers the fixes for one finding in this document; registers nothing when no fix applies. Decides only whether
    /// each fix applies and its title; the edits themselves go in <see cref="Register"/>'s callback.
    /// </summary>
    protected virtual void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
    }

    /// <summary>
    /// For a fix that must look at other documents before it knows what it will do (a reference search); by default the
    /// synchronous <see cref="RegisterFixes"/>.
    /// </summary>
    protected virtual Task RegisterFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        RegisterFixes(context, root, model, diagnostic);
        return Task.CompletedTask;
    }

    /// <summary>An action that may change several documents, computed when it is applied or previewed.</summary>
    protected static void RegisterSolutionChange(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey, Func<CancellationToken, Task<Solution>> change)
        => context.RegisterCodeFix(CodeAction.Create(title, change, equivalenceKey), diagnostic);

    /// <summary>
    /// Registers an action whose new root is computed when the action is applied or previewed, with that request's
    /// cancellation token. The callback returns null when, against expectation, it finds nothing to change.
    /// </summary>
    protected static void Register(CodeFixContext context, Diagnostic diagnostic, string title, string equivalenceKey, Func<CancellationToken, SyntaxNode?> edit)
    {
        var document = context.Document;
        context.RegisterCodeFix(
            CodeAction.Create(
                title,
                cancellationToken => Task.FromResult(edit(cancellationToken) is { } newRoot ? document.WithSyntaxRoot(newRoot) : document),
                equivalenceKey),
            diagnostic);
    }
}
