using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS001 fixes: (1) rewrite the value to TLS 1.2 and TLS 1.3 (Tls13 only where the target's enum has it), keeping the
/// parts that are not deprecated; (2) let the operating system choose (<c>SslProtocols.None</c> /
/// <c>SecurityProtocolType.SystemDefault</c>), removing a <c>ServicePointManager.SecurityProtocol</c> statement outright
/// where the target marks <c>ServicePointManager</c> obsolete.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DeprecatedProtocolCodeFixProvider)), Shared]
public sealed class DeprecatedProtocolCodeFixProvider : TlsCodeFixProvider
{
    public const string UseModernVersionsKey = "TLS001.UseTls12AndTls13";
    public const string LetOperatingSystemChooseKey = "TLS001.LetOperatingSystemChoose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeprecatedProtocol);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!ProtocolRewriter.TryFindValue(root, model, diagnostic, out var symbols, out var node, out var value, out var protocolEnum))
        {
            return;
        }

        var hasTls13 = EnumExtensions.FindConstantMember(protocolEnum, ProtocolVersions.Tls13Member) is not null;
        var minimum13 = diagnostic.Properties.TryGetValue(TlsOptions.MinimumVersionKey, out var minimum) && minimum == "1.3";
        var fix = new ProtocolRewriter(context.Document, symbols, protocolEnum, ProtocolRewriter.FindEnumTypeSyntax(node, model, protocolEnum, context.CancellationToken), minimum13);
        var modern = minimum13 && !hasTls13 ? null : fix.Rewrite(value);
        if (modern != null)
        {
            var title = minimum13 ? "Use TLS 1.3" : hasTls13 ? "Use TLS 1.2 and TLS 1.3" : "Use TLS 1.2";
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => Replace(context.Document, root, node, modern), UseModernVersionsKey),
                diagnostic);
        }

        if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
        {
            var title = "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")";
            var osRewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, fix.EnumTypeSyntax, minimum13, systemDefault.Name);
            context.RegisterCodeFix(
                CodeAction.Create(title, _ => ProtocolRewriter.LetOperatingSystemChoose(context.Document, root, node, value, osRewriter, symbols), LetOperatingSystemChooseKey),
                diagnostic);
        }
    }

    private static Task<Document> Replace(Document document, SyntaxNode root, SyntaxNode node, ExpressionSyntax replacement)
        => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(node, replacement.WithTriviaFrom(node))));
}
