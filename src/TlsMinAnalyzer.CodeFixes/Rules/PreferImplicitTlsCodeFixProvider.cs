using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS008 fix, for MailKit only: mandatory STARTTLS becomes implicit TLS together with the protocol's implicit-TLS port
/// (a standard port written in the call moves; no port at all lets MailKit pick it). Where the port is a setting or a
/// non-standard port, no fix is offered: implicit TLS on a port that speaks STARTTLS would not connect.
/// <c>System.Net.Mail.SmtpClient</c> cannot do implicit TLS, so its findings get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(PreferImplicitTlsCodeFixProvider))]
public sealed class PreferImplicitTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string UseImplicitTlsKey = "TLS008.UseImplicitTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PreferImplicitTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is { } connection
            && MailKitFixes.ImplicitTlsAlternative(context.Document, root, connection, onlyWithPort: true) is { } implicitTls)
        {
            Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
        }
    }

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (NeutralMailKit.Find(root, model, diagnostic) is { } connection && NeutralMailKit.ImplicitTlsAlternative(generator, model, root, connection, onlyWithPort: true) is { } implicitTls)
        {
            Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
        }
    }
}
