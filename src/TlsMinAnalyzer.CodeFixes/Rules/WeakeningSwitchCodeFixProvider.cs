using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS007 fix: remove the <c>AppContext.SetSwitch</c> call or the registry write that weakens TLS.</summary>
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
            Register(context, diagnostic, Title(model, call), RemoveSwitchKey, _ => FixSyntax.RemoveStatement(root, statement));
        }
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        var node = NeutralFixes.Reported(root, diagnostic);
        if (Statements.Of(model, node) is { } statement)
        {
            Register(context, diagnostic, Title(model, node), RemoveSwitchKey, _ => Statements.Remove(generator, root, statement));
        }
    }

    /// <summary>What the action removes: an <c>AppContext.SetSwitch</c> call, or a registry write (<c>SchUseStrongCrypto = 0</c>).</summary>
    private static string Title(SemanticModel model, SyntaxNode call)
        => model.GetOperation(call) is Microsoft.CodeAnalysis.Operations.IInvocationOperation { TargetMethod.Name: "SetValue" }
            ? "Remove the registry write (the platform's secure default applies)"
            : "Remove the AppContext switch (the platform's secure default applies)";
}
