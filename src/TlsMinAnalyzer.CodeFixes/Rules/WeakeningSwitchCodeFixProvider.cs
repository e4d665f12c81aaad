using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS007 fix: remove the <c>AppContext.SetSwitch</c> call that weakens TLS.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(WeakeningSwitchCodeFixProvider))]
public sealed class WeakeningSwitchCodeFixProvider : TlsCodeFixProvider
{
    public const string RemoveSwitchKey = "TLS007.RemoveSwitch";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WeakeningSwitch);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is InvocationExpressionSyntax call
            && FixSyntax.RemovableStatement(call) is { } statement)
        {
            Register(context, diagnostic, "Remove the AppContext switch (the platform's secure default applies)", RemoveSwitchKey, _ => FixSyntax.RemoveStatement(root, statement));
        }
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (Statements.Of(model, NeutralFixes.Reported(root, diagnostic)) is { } statement)
        {
            Register(context, diagnostic, "Remove the AppContext switch (the platform's secure default applies)", RemoveSwitchKey, _ => Statements.Remove(generator, root, statement));
        }
    }
}
