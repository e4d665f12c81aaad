using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS004 fixes: (1) TLS on the same server and port without the cleartext fallback — implicit TLS on 465/993/995,
/// mandatory STARTTLS on other known ports, MailKit's split by port without its fallback where the port is a setting;
/// (2) implicit TLS on the protocol's implicit-TLS port, where that is a different action (the server must offer it).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(OptionalStartTlsCodeFixProvider))]
public sealed class OptionalStartTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string RequireTlsKey = "TLS004.RequireTls";
    public const string UseImplicitTlsKey = "TLS004.UseImplicitTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OptionalStartTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is not { } connection)
        {
            return;
        }

        if (MailKitFixes.RequireTls(context.Document, root, connection) is { } requireTls)
        {
            Register(context, diagnostic, requireTls.Title, RequireTlsKey, _ => requireTls.Edit());
        }

        if (MailKitFixes.ImplicitTlsAlternative(context.Document, root, connection, onlyWithPort: false) is { } implicitTls)
        {
            Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
        }
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (NeutralMailKit.Find(root, model, diagnostic) is not { } connection)
        {
            return;
        }

        if (NeutralMailKit.RequireTls(generator, model, root, connection) is { } requireTls)
        {
            Register(context, diagnostic, requireTls.Title, RequireTlsKey, _ => requireTls.Edit());
        }

        if (NeutralMailKit.ImplicitTlsAlternative(generator, model, root, connection, onlyWithPort: false) is { } implicitTls)
        {
            Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
        }
    }
}
