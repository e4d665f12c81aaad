using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS009 fix: <c>EncryptionPolicy.RequireEncryption</c>, spelled the way the code spells the enum.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(NullEncryptionCodeFixProvider))]
public sealed class NullEncryptionCodeFixProvider : TlsCodeFixProvider
{
    public const string RequireEncryptionKey = "TLS009.RequireEncryption";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.NullEncryption);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).EncryptionPolicy is not { Policy: var policy })
        {
            return;
        }

        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node)
        {
            return;
        }

        var replacement = node is MemberAccessExpressionSyntax access
                          && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol, policy)
            ? FixSyntax.MemberOf(access.Expression, EncryptionPolicySymbols.RequireEncryptionMember)
            : FixSyntax.MemberOf(context.Document, policy, EncryptionPolicySymbols.RequireEncryptionMember);
        Register(context, diagnostic, "Require encryption (EncryptionPolicy.RequireEncryption)", RequireEncryptionKey, _ => root.ReplaceNode(node, replacement.WithTriviaFrom(node)));
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (CompilationSymbols.For(model.Compilation).EncryptionPolicy is not { Policy: var policy })
        {
            return;
        }

        var node = NeutralFixes.Reported(root, diagnostic);
        if (model.GetOperation(node, context.CancellationToken) is null)
        {
            return;
        }

        Register(context, diagnostic, "Require encryption (EncryptionPolicy.RequireEncryption)", RequireEncryptionKey,
            _ => NeutralFixes.Replace(root, node, NeutralFixes.Member(generator, model, node, policy, EncryptionPolicySymbols.RequireEncryptionMember)));
    }
}
