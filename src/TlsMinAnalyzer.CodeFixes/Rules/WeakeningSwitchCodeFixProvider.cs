using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS007 fix: remove the <c>AppContext.SetSwitch</c> call that weakens TLS.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakeningSwitchCodeFixProvider)), Shared]
public sealed class WeakeningSwitchCodeFixProvider : CodeFixProvider
{
    public const string RemoveSwitchKey = "TLS007.RemoveSwitch";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WeakeningSwitch);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource)
            {
                continue; // config-file findings (app.config, appsettings.json) have no code fix
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call
                && FixSyntax.RemoveStatement(root, call) is { } removed)
            {
                context.RegisterCodeFix(
                    CodeAction.Create("Remove the AppContext switch", _ => Task.FromResult(context.Document.WithSyntaxRoot(removed)), RemoveSwitchKey),
                    diagnostic);
            }
        }
    }
}
