using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using TlsMinAnalyzer.CodeFixes.Internal.Protocols;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>TLS005 fixes: add TLS 1.3 to the pinned set (as named members), or let the operating system choose.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(PinnedVersionsCodeFixProvider))]
public sealed class PinnedVersionsCodeFixProvider : TlsCodeFixProvider
{
    public const string AddTls13Key = "TLS005.AddTls13";
    public const string LetOperatingSystemChooseKey = "TLS005.LetOperatingSystemChoose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PinnedVersions);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!ProtocolFinding.TryFind(root, model, diagnostic, out var symbols, out var node, out var value, out var protocolEnum)
            || EnumExtensions.FindConstantMember(protocolEnum, ProtocolVersions.Tls13Member) is null)
        {
            return;
        }

        var rewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, ProtocolFinding.EnumTypeSyntax(node, model, protocolEnum, context.CancellationToken), minimumTls13: false);
        Register(context, diagnostic, "Add TLS 1.3", AddTls13Key, _ => root.ReplaceNode(node, rewriter.Members(ProtocolValues.WrittenBits(value, symbols) | ProtocolVersions.Tls13Bits).WithTriviaFrom(node)));

        if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
        {
            var osRewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, rewriter.EnumTypeSyntax, minimumTls13: false, systemDefault.Name);
            Register(
                context,
                diagnostic,
                "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")",
                LetOperatingSystemChooseKey,
                _ => OperatingSystemChoice.Apply(root, node, value, osRewriter, symbols));
        }
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        var node = NeutralFixes.Reported(root, diagnostic);
        if (CompilationSymbols.For(model.Compilation).Tls is not { } symbols
            || model.GetOperation(node, context.CancellationToken) is not { ConstantValue.HasValue: true } value
            || symbols.AsProtocolEnum(value.Type) is not { } protocolEnum
            || EnumExtensions.FindConstantMember(protocolEnum, ProtocolVersions.Tls13Member) is null
            || NeutralProtocols.Members(generator, model, node, protocolEnum, ProtocolValues.WrittenBits(value, symbols) | ProtocolVersions.Tls13Bits) is not { } replacement)
        {
            return;
        }

        Register(context, diagnostic, "Add TLS 1.3", AddTls13Key, _ => NeutralFixes.Replace(root, node, replacement));

        if (NeutralProtocols.OperatingSystemChoice(generator, model, node, protocolEnum, symbols) is { } choice)
        {
            Register(context, diagnostic, choice.Title, LetOperatingSystemChooseKey, _ => choice.Apply(root));
        }
    }
}
