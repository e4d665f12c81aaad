using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>Rewrites of a MailKit <c>Connect</c>/<c>ConnectAsync</c> call, shared by the TLS003, TLS004 and TLS008 fixes.</summary>
internal static class MailKitFixes
{
    /// <summary>The connect call a finding points into (its options, useSsl or URI argument, or the call itself).</summary>
    public static MailKitConnection? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var invocation = node as InvocationExpressionSyntax ?? node.FirstAncestorOrSelf<InvocationExpressionSyntax>(n => n.ArgumentList.Span.Contains(diagnostic.Location.SourceSpan) || n.Span == diagnostic.Location.SourceSpan);
        if (invocation is null
            || CompilationSymbols.For(model.Compilation).Mail is not { } symbols
            || model.GetOperation(invocation, cancellationToken) is not IInvocationOperation operation
            || !MailKitConnection.TryResolve(operation, symbols, out var connection))
        {
            return null;
        }

        return connection;
    }

    /// <summary>
    /// SslOnConnect (or <c>useSsl: true</c>, or the "s" scheme), moving a standard plain/STARTTLS port to the protocol's
    /// implicit-TLS port. Null when the call cannot be rewritten in place (for instance a URI built elsewhere).
    /// </summary>
    public static SyntaxNode? UseImplicitTls(Document document, SyntaxNode root, MailKitConnection connection)
    {
        var edits = new Dictionary<SyntaxNode, SyntaxNode>();
        if (connection.UriArgument != null)
        {
            if (UriLiteral(connection.UriArgument) is not { } literal || connection.UriText is null || !Uri.TryCreate(connection.UriText, UriKind.Absolute, out var uri)
                || MailProtocols.FromScheme(uri.Scheme, out _) is not { } info)
            {
                return null;
            }

            var port = uri.IsDefaultPort || uri.Port < 0 ? (int?)null : uri.Port;
            var newPort = port is { } p && IsStandardPlainPort(info, p) ? info.ImplicitTlsPort : port;
            var text = info.Scheme + "s://" + (uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : string.Empty) + uri.Host
                       + (newPort is { } np ? ":" + np.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty)
                       + (uri.AbsolutePath == "/" ? string.Empty : uri.AbsolutePath)
                       + WithoutStartTls(uri.Query);
            edits[literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
            return Apply(root, edits, connection, null);
        }

        if (connection.UseSslArgument is { } useSsl)
        {
            edits[useSsl.Value.Syntax] = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(useSsl.Value.Syntax);
        }

        MovePort(connection, edits);
        return Apply(root, edits, connection, connection.UseSslArgument is null ? Options(document, connection, "SslOnConnect") : null);
    }

    /// <summary>Mandatory STARTTLS on the same port: <c>SecureSocketOptions.StartTls</c> or <c>?starttls=always</c>.</summary>
    public static SyntaxNode? RequireStartTls(Document document, SyntaxNode root, MailKitConnection connection)
    {
        var edits = new Dictionary<SyntaxNode, SyntaxNode>();
        if (connection.UriArgument != null)
        {
            if (UriLiteral(connection.UriArgument) is not { } literal || connection.UriText is null)
            {
                return null;
            }

            var text = connection.UriText;
            var query = text.IndexOf('?');
            var kept = query < 0 ? string.Empty : WithoutStartTls(text.Substring(query));
            text = (query < 0 ? text : text.Substring(0, query)) + (kept.Length == 0 ? "?" : kept + "&") + "starttls=always";
            edits[literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
            return Apply(root, edits, connection, null);
        }

        var startTls = Options(document, connection, "StartTls");
        if (connection.UseSslArgument is { Syntax: ArgumentSyntax useSslSyntax })
        {
            // Connect(host, port, useSsl: false) -> Connect(host, port, options: SecureSocketOptions.StartTls): an overload exists.
            var replaced = useSslSyntax.WithExpression(startTls.WithTriviaFrom(useSslSyntax.Expression));
            if (useSslSyntax.NameColon != null)
            {
                replaced = replaced.WithNameColon(SyntaxFactory.NameColon("options").WithTriviaFrom(useSslSyntax.NameColon));
            }

            edits[useSslSyntax] = replaced;
            return Apply(root, edits, connection, null);
        }

        return Apply(root, edits, connection, startTls);
    }

    private static SyntaxNode Apply(SyntaxNode root, Dictionary<SyntaxNode, SyntaxNode> edits, MailKitConnection connection, ExpressionSyntax? options)
    {
        if (options != null)
        {
            if (connection.OptionsArgument is { IsImplicit: false } explicitOptions)
            {
                edits[explicitOptions.Value.Syntax] = options.WithTriviaFrom(explicitOptions.Value.Syntax);
            }
            else if (connection.Invocation.Syntax is InvocationExpressionSyntax call)
            {
                // Named, so that it is valid after any positional or named arguments already there.
                var added = SyntaxFactory.Argument(SyntaxFactory.NameColon("options"), default, options);
                var inner = edits.Keys.Where(k => call.Span.Contains(k.Span)).ToList();
                var updated = call.ReplaceNodes(inner, (original, _) => edits[original]);
                var newCall = updated.WithArgumentList(updated.ArgumentList.AddArguments(added)).WithAdditionalAnnotations(Formatter.Annotation);
                foreach (var key in inner)
                {
                    edits.Remove(key);
                }

                edits[call] = newCall;
            }
        }

        return root.ReplaceNodes(edits.Keys, (original, _) => edits[original]);
    }

    private static void MovePort(MailKitConnection connection, Dictionary<SyntaxNode, SyntaxNode> edits)
    {
        if (connection.PortArgument is { IsImplicit: false } port
            && connection.Port is { } value
            && connection.Protocol is { } info
            && IsStandardPlainPort(info, value))
        {
            edits[port.Value.Syntax] = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(info.ImplicitTlsPort))
                .WithTriviaFrom(port.Value.Syntax);
        }
    }

    /// <summary>25 or 587 for SMTP, 143 for IMAP, 110 for POP3: ports that mean "no TLS yet".</summary>
    private static bool IsStandardPlainPort(MailProtocolInfo info, int port)
        => port == info.PlainDefaultPort || port == info.StartTlsPort;

    private static ExpressionSyntax Options(Document document, MailKitConnection connection, string member)
    {
        if (connection.OptionsArgument is { IsImplicit: false, Value.Syntax: MemberAccessExpressionSyntax existing })
        {
            return FixSyntax.MemberOf(existing.Expression, member);
        }

        var type = connection.OptionsArgument?.Parameter?.Type
                   ?? (connection.Invocation.SemanticModel is { } model ? CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions : null);
        return type is null ? SyntaxFactory.IdentifierName(member) : FixSyntax.MemberOf(document, type, member);
    }

    private static LiteralExpressionSyntax? UriLiteral(IArgumentOperation argument)
        => argument.Value.Syntax.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression));

    private static string WithoutStartTls(string query)
    {
        var parts = query.TrimStart('?').Split('&').Where(p => p.Length > 0 && !p.StartsWith("starttls=", StringComparison.OrdinalIgnoreCase)).ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
