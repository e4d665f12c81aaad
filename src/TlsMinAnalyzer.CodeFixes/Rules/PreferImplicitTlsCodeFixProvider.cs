using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS008 fix, for MailKit only: mandatory STARTTLS becomes implicit TLS on the protocol's implicit-TLS port.
/// <c>System.Net.Mail.SmtpClient</c> cannot do implicit TLS, so its findings get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(PreferImplicitTlsCodeFixProvider)), Shared]
public sealed class PreferImplicitTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string UseImplicitTlsKey = "TLS008.UseImplicitTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.PreferImplicitTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is { } connection
            && MailKitFixes.UseImplicitTls(context.Document, root, connection) is { } implicitTls)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use implicit TLS (SecureSocketOptions.SslOnConnect)", _ => Task.FromResult(context.Document.WithSyntaxRoot(implicitTls)), UseImplicitTlsKey),
                diagnostic);
        }
    }
}
