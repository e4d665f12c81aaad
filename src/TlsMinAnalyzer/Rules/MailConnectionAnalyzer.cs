using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Rules;

/// <summary>
/// The mail family. Every client set-up or connect call is resolved once, by its library's resolver, into a
/// <see cref="MailConnection"/>, and its security level picks the rule: TLS003 cleartext (<c>SmtpClient</c> without
/// <c>EnableSsl</c>, MailKit <c>None</c>); TLS004 STARTTLS only if offered (MailKit <c>StartTlsWhenAvailable</c>, also what
/// <c>Auto</c> becomes off the implicit-TLS ports, <c>useSsl: false</c> and plain URIs); TLS008 (advice) mandatory STARTTLS
/// where RFC 8314 prefers implicit TLS. Hosts exempt by policy (loopback, <c>tlsmin.exempt_hosts</c>) are never reported.
/// </summary>
internal sealed class MailConnectionAnalyzer : FamilyAnalyzer
{
    internal static string SmtpClientAdvice(SyntaxTree? tree)
        => "set EnableSsl = " + Names.True(tree) + " (mandatory STARTTLS, on the submission port 587) or use MailKit with SecureSocketOptions.SslOnConnect on port 465 (RFC 8314 §3)";

    private const string SmtpClientImplicitTlsAdvice = "SmtpClient cannot do implicit TLS: consider MailKit's SmtpClient with SecureSocketOptions.SslOnConnect on port 465";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        Descriptors.MailWithoutTls, Descriptors.OptionalStartTls, Descriptors.PreferImplicitTls);

    public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
    {
        var systemNetMail = new GatedActions(NameGroups.SystemNetMail, () => symbols.Mail is { SmtpClient: not null } mail
            ? new[]
            {
                new OperationActions(
                    c =>
                    {
                        if (SystemNetMailResolver.TryResolveCreation((IObjectCreationOperation)c.Operation, mail, out var connection))
                        {
                            Report(c, connection, options);
                        }
                    },
                    OperationKind.ObjectCreation),
                new OperationActions(
                    c =>
                    {
                        if (SystemNetMailResolver.TryResolveEnableSsl((ISimpleAssignmentOperation)c.Operation, mail, out var connection))
                        {
                            Report(c, connection, options);
                        }
                    },
                    OperationKind.SimpleAssignment),
            }
            : null);

        // A MailKit connection is a call to Connect or ConnectAsync (the text calls one) in a document that names a MailKit
        // type or namespace.
        var mailKit = new GatedActions(NameGroups.MailKitTypes | NameGroups.MailKitConnect, () => symbols.Mail is { HasMailKit: true } mail
            ? new[]
            {
                new OperationActions(
                    c =>
                    {
                        if (MailKitResolver.TryResolve((IInvocationOperation)c.Operation, mail, out var connection))
                        {
                            Report(c, connection, options);
                        }
                    },
                    OperationKind.Invocation),
            }
            : null);
        return new[] { systemNetMail, mailKit };
    }

    /// <summary>The one place where host policy applies and a security level becomes a rule and its message.</summary>
    private static void Report(OperationAnalysisContext context, MailConnection connection, TlsOptionsCache options)
    {
        if (connection.Security is MailSecurity.Unknown or MailSecurity.SslOnConnect
            || options.For(connection.ReportSyntax.SyntaxTree).IsExemptHost(connection.Host))
        {
            return;
        }

        var location = connection.ReportSyntax.GetLocation();
        var systemNetMail = connection.Library == MailLibrary.SystemNetMail;
        var diagnostic = connection.Security switch
        {
            MailSecurity.None => Diagnostic.Create(
                Descriptors.MailWithoutTls,
                location,
                systemNetMail
                    ? connection.Api + " sends to " + connection.Target + " without TLS (" + connection.Reason + ")"
                    : connection.Api + " to " + connection.Target + " does not use TLS (" + connection.Reason + ")",
                systemNetMail ? SmtpClientAdvice(location.SourceTree) : ImplicitTlsAdvice(connection)),
            MailSecurity.StartTlsWhenAvailable => Diagnostic.Create(
                Descriptors.OptionalStartTls,
                location,
                connection.Api + " to " + connection.Target,
                connection.Reason,
                ImplicitTlsAdvice(connection)),
            _ => Diagnostic.Create(
                Descriptors.PreferImplicitTls,
                location,
                systemNetMail
                    ? connection.Api + "." + connection.Reason + " (to " + connection.Target + ")"
                    : connection.Api + " to " + connection.Target + " (" + connection.Reason + ")",
                systemNetMail ? SmtpClientImplicitTlsAdvice : ImplicitTlsAdvice(connection)),
        };
        context.ReportDiagnostic(diagnostic);
    }

    /// <summary>"use SecureSocketOptions.SslOnConnect on port 465" for the connection's protocol, or the generic advice.</summary>
    private static string ImplicitTlsAdvice(MailConnection connection)
        => connection.Protocol is { } info
            ? "use SecureSocketOptions.SslOnConnect on port " + info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture) + " (RFC 8314 §3)"
            : "use SecureSocketOptions.SslOnConnect on the implicit-TLS port (465, 993 or 995; RFC 8314 §3)";
}
