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

/// <summary>TLS005 fixes: add TLS 1.3 to the pinned set (as named members), or let the operating system choose.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PinnedVersionsCodeFixProvider)), Shared]
public sealed class PinnedVersionsCodeFixProvider : TlsCodeFixProvider
{
    public const string AddTls13Key = "TLS005.AddTls13";
    public const string LetOperatingSystemChooseKey = "TLS005.LetOperatingSystemChoose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PinnedVersions);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!ProtocolRewriter.TryFindValue(root, model, diagnostic, out var symbols, out var node, out var value, out var protocolEnum)
            || EnumExtensions.FindConstantMember(protocolEnum, ProtocolVersions.Tls13Member) is null)
        {
            return;
        }

        var rewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, ProtocolRewriter.FindEnumTypeSyntax(node, model, protocolEnum, context.CancellationToken), minimumTls13: false);
        var withTls13 = rewriter.Members(ProtocolValues.WrittenBits(value, symbols) | ProtocolVersions.Tls13Bits).WithTriviaFrom(node);
        context.RegisterCodeFix(
            CodeAction.Create("Add TLS 1.3", _ => Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(node, withTls13))), AddTls13Key),
            diagnostic);

        if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
        {
            var osRewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, rewriter.EnumTypeSyntax, minimumTls13: false, systemDefault.Name);
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")",
                    _ => ProtocolRewriter.LetOperatingSystemChoose(context.Document, root, node, value, osRewriter, symbols),
                    LetOperatingSystemChooseKey),
                diagnostic);
        }
    }
}
