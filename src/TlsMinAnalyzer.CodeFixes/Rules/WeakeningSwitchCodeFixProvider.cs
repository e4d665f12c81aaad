using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS007 fix: remove the <c>AppContext.SetSwitch</c> call that weakens TLS.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WeakeningSwitchCodeFixProvider)), Shared]
public sealed class WeakeningSwitchCodeFixProvider : TlsCodeFixProvider
{
    public const string RemoveSwitchKey = "TLS007.RemoveSwitch";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WeakeningSwitch);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call
            && FixSyntax.RemoveStatement(root, call) is { } removed)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Remove the AppContext switch", _ => Task.FromResult(context.Document.WithSyntaxRoot(removed)), RemoveSwitchKey),
                diagnostic);
        }
    }
}
