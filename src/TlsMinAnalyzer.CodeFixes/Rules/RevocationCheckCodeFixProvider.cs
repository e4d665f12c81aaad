using Microsoft.CodeAnalysis.Operations;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.Knowledge;
using TlsMinAnalyzer.Rules;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS006 fix: turn revocation checking back on — <c>false</c> becomes <c>true</c>, <c>X509RevocationMode.NoCheck</c>
/// becomes <c>X509RevocationMode.Online</c>, and an <c>AppContext.SetSwitch</c> that weakens it is removed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(RevocationCheckCodeFixProvider))]
public sealed class RevocationCheckCodeFixProvider : TlsCodeFixProvider
{
    public const string CheckRevocationKey = "TLS006.CheckRevocation";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.RevocationCheckDisabled);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Revocation is not { } symbols)
        {
            return;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        if (node is InvocationExpressionSyntax && FixSyntax.RemovableStatement(node) is { } statement)
        {
            Register(context, diagnostic, "Remove the AppContext switch (revocation is checked online again)", CheckRevocationKey, _ => FixSyntax.RemoveStatement(root, statement));
            return;
        }

        if (node is not ExpressionSyntax expression
            || (model.GetOperation(expression, context.CancellationToken) is { } value && ConnectionRole.IsServerSide(value)))
        {
            // A server checking its clients' certificates decides whom it accepts: no fix changes that policy.
            return;
        }

        ExpressionSyntax? replacement = null;
        var type = model.GetTypeInfo(expression, context.CancellationToken).ConvertedType;
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            replacement = SyntaxFactory.LiteralExpression(
                model.GetOperation(expression, context.CancellationToken) is { } given && RevocationCheckAnalyzer.IsGivenToInvertedSetting(given, symbols)
                    ? SyntaxKind.FalseLiteralExpression
                    : SyntaxKind.TrueLiteralExpression);
        }
        else if (symbols.RevocationMode is { } mode && SymbolEqualityComparer.Default.Equals(type, mode)
                 && EnumExtensions.FindConstantMember(mode, Revocation.Online) is not null)
        {
            replacement = expression is MemberAccessExpressionSyntax access
                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(access.Expression, context.CancellationToken).Symbol, mode)
                ? FixSyntax.MemberOf(access.Expression, Revocation.Online)
                : FixSyntax.MemberOf(context.Document, mode, Revocation.Online);
        }

        if (replacement is null)
        {
            return;
        }

        // The local that carried the old choice (var check = true; if (settings.Offline) check = false;) goes with it.
        var title = "Check certificate revocation (" + replacement.NormalizeWhitespace() + ")";
        var unused = model.GetOperation(expression, context.CancellationToken) is { } read ? Statements.LeftUnusedBy(read) : System.Array.Empty<SyntaxNode>();
        Register(context, diagnostic, title, CheckRevocationKey, _ => unused.Count == 0
            ? root.ReplaceNode(expression, replacement.WithTriviaFrom(expression))
            : Statements.ReplaceRemovingUnused(Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(context.Document), root, expression, replacement, unused));
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (CompilationSymbols.For(model.Compilation).Revocation is not { } symbols)
        {
            return;
        }

        var node = NeutralFixes.Reported(root, diagnostic);
        var operation = model.GetOperation(node, context.CancellationToken);
        if (operation is IInvocationOperation)
        {
            if (Statements.Of(model, node) is { } statement)
            {
                Register(context, diagnostic, "Remove the AppContext switch (revocation is checked online again)", CheckRevocationKey, _ => Statements.Remove(generator, root, statement));
            }

            return;
        }

        if (operation is null || ConnectionRole.IsServerSide(operation))
        {
            return;
        }

        var type = (operation.Parent is IConversionOperation conversion ? conversion.Type : operation.Type);
        SyntaxNode? replacement = null;
        if (type?.SpecialType == SpecialType.System_Boolean)
        {
            replacement = RevocationCheckAnalyzer.IsGivenToInvertedSetting(operation, symbols) ? generator.FalseLiteralExpression() : generator.TrueLiteralExpression();
        }
        else if (symbols.RevocationMode is { } mode && SymbolEqualityComparer.Default.Equals(type, mode) && EnumExtensions.FindConstantMember(mode, Revocation.Online) is not null)
        {
            replacement = NeutralFixes.Member(generator, model, node, mode, Revocation.Online);
        }

        if (replacement is null)
        {
            return;
        }

        var unused = Statements.LeftUnusedBy(operation);
        Register(context, diagnostic, "Check certificate revocation (" + replacement.NormalizeWhitespace() + ")", CheckRevocationKey, _ => Statements.ReplaceRemovingUnused(generator, root, node, replacement, unused));
    }
}
