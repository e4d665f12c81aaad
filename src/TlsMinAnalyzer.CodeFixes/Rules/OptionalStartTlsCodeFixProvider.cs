using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS004 fixes: (1) implicit TLS — <c>SecureSocketOptions.SslOnConnect</c>, <c>useSsl: true</c> or the "s" scheme, on the
/// protocol's implicit-TLS port when the port was a standard one; (2) mandatory STARTTLS on the same port.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(OptionalStartTlsCodeFixProvider)), Shared]
public sealed class OptionalStartTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string UseImplicitTlsKey = "TLS004.UseImplicitTls";
    public const string RequireStartTlsKey = "TLS004.RequireStartTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.OptionalStartTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is not { } connection)
        {
            return;
        }

        if (MailKitFixes.UseImplicitTls(context.Document, root, connection) is { } implicitTls)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Use implicit TLS (SecureSocketOptions.SslOnConnect)", _ => Task.FromResult(context.Document.WithSyntaxRoot(implicitTls)), UseImplicitTlsKey),
                diagnostic);
        }

        if (MailKitFixes.RequireStartTls(context.Document, root, connection) is { } startTls)
        {
            context.RegisterCodeFix(
                CodeAction.Create("Require STARTTLS (SecureSocketOptions.StartTls)", _ => Task.FromResult(context.Document.WithSyntaxRoot(startTls)), RequireStartTlsKey),
                diagnostic);
        }
    }
}
