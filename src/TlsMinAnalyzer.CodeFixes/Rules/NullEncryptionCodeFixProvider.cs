using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS009 fix: <c>EncryptionPolicy.RequireEncryption</c>, spelled the way the code spells the enum.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NullEncryptionCodeFixProvider)), Shared]
public sealed class NullEncryptionCodeFixProvider : CodeFixProvider
{
    public const string RequireEncryptionKey = "TLS009.RequireEncryption";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NullEncryption);

    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        var model = await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null || model is null || model.Compilation.GetTypeByMetadataName("System.Net.Security.EncryptionPolicy") is not { } policy)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Location.IsInSource)
            {
                continue; // config-file findings (app.config, appsettings.json) have no code fix
            }

            if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
            {
                continue;
            }

            var replacement = node is MemberAccessExpressionSyntax access
                              && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol, policy)
                ? FixSyntax.MemberOf(access.Expression, "RequireEncryption")
                : FixSyntax.MemberOf(context.Document, policy, "RequireEncryption");
            var fixedRoot = root.ReplaceNode(node, replacement.WithTriviaFrom(node));
            context.RegisterCodeFix(
                CodeAction.Create("Require encryption (EncryptionPolicy.RequireEncryption)", _ => Task.FromResult(context.Document.WithSyntaxRoot(fixedRoot)), RequireEncryptionKey),
                diagnostic);
        }
    }
}
