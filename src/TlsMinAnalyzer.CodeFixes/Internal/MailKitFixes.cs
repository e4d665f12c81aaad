using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>One action a MailKit connection can get: its title, and the edit, built when the action is chosen.</summary>
internal readonly struct MailFix
{
    public MailFix(string title, Func<SyntaxNode?> edit)
    {
        Title = title;
        Edit = edit;
    }

    public string Title { get; }

    public Func<SyntaxNode?> Edit { get; }
}

/// <summary>
/// Rewrites of a MailKit <c>Connect</c>/<c>ConnectAsync</c> call, shared by the TLS003, TLS004 and TLS008 fixes. Which
/// rewrite comes first depends on the port: implicit TLS only works where the server expects TLS before its greeting
/// (465, 993, 995), so on any other or an unknown port the first action is one that still connects.
/// </summary>
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
    /// The action that requires TLS and still reaches the same server on the same port: implicit TLS on the protocol's
    /// implicit-TLS port; mandatory STARTTLS on any other known port; on a port the code reads from a setting or parameter,
    /// MailKit's own split without its cleartext fallback (implicit TLS when that value is the implicit-TLS port, mandatory
    /// STARTTLS otherwise), or mandatory STARTTLS when the port expression cannot be read twice.
    /// </summary>
    public static MailFix? RequireTls(Document document, SyntaxNode root, MailKitConnection connection)
    {
        if (connection.Protocol is not { } info || !CanRewrite(connection))
        {
            return null;
        }

        if (KnownPort(connection, info) is { } port)
        {
            var portText = port.ToString(CultureInfo.InvariantCulture);
            return port == info.ImplicitTlsPort
                ? new MailFix("Use implicit TLS on port " + portText, () => UseImplicitTls(document, root, connection, movePort: false))
                : new MailFix("Require STARTTLS on port " + portText, () => RequireStartTls(document, root, connection));
        }

        if (connection.UriArgument is null && PortExpression(connection) is { } portExpression)
        {
            return new MailFix(
                "Require TLS: implicit on port " + info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture) + ", STARTTLS on any other port",
                () => ApplyOptions(root, connection, ByPort(document, connection, portExpression, info)));
        }

        return new MailFix("Require STARTTLS on the same port", () => RequireStartTls(document, root, connection));
    }

    /// <summary>
    /// Implicit TLS when it is not what <see cref="RequireTls"/> already does: moving a standard port to the implicit-TLS one
    /// where the code writes it, and saying in the title that the server must offer it. Null where it would be the same
    /// action, or (for <paramref name="onlyWithPort"/>) where the port cannot be moved to the implicit-TLS port.
    /// </summary>
    public static MailFix? ImplicitTlsAlternative(Document document, SyntaxNode root, MailKitConnection connection, bool onlyWithPort)
    {
        if (connection.Protocol is not { } info || !CanRewrite(connection))
        {
            return null;
        }

        var implicitPort = info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture);
        if (KnownPort(connection, info) is { } port)
        {
            if (port == info.ImplicitTlsPort)
            {
                return null; // RequireTls already is implicit TLS
            }

            // A standard port written in the call (or no port at all: MailKit then picks the implicit-TLS port itself) moves.
            if (connection.FixedPort == 0 || (IsStandardPlainPort(info, port) && CanMovePort(connection)))
            {
                return new MailFix("Use implicit TLS on port " + implicitPort + " (the server must offer it)", () => UseImplicitTls(document, root, connection, movePort: true));
            }

            return onlyWithPort
                ? null
                : new MailFix("Use implicit TLS on port " + port.ToString(CultureInfo.InvariantCulture) + " (the server must offer it there)", () => UseImplicitTls(document, root, connection, movePort: false));
        }

        return onlyWithPort
            ? null
            : new MailFix("Use implicit TLS on the configured port (the server must offer it there; usually " + implicitPort + ")", () => UseImplicitTls(document, root, connection, movePort: false));
    }

    /// <summary>A URI is rewritten only where the code writes it as a string literal that MailKit's rules can read.</summary>
    private static bool CanRewrite(MailKitConnection connection)
        => connection.UriArgument is null
           || (UriLiteral(connection.UriArgument) != null && connection.UriText is { } text && Uri.TryCreate(text, UriKind.Absolute, out var uri)
               && MailProtocols.FromScheme(uri.Scheme, out _) != null);

    /// <summary>The port the connection uses when the code decides it: the constant, or the protocol's default for "no port".</summary>
    private static int? KnownPort(MailKitConnection connection, MailProtocolInfo info)
        => connection.FixedPort is 0 ? info.PlainDefaultPort : connection.FixedPort;

    private static bool CanMovePort(MailKitConnection connection)
        => connection.UriArgument != null ? connection.UriText != null : connection.PortArgument is { IsImplicit: false };

    /// <summary>The port argument when reading it a second time gives the same value: a local, parameter, field or property chain.</summary>
    private static ExpressionSyntax? PortExpression(MailKitConnection connection)
        => connection.PortArgument is { IsImplicit: false } argument && IsRereadable(argument.Value) && argument.Value.Syntax is ExpressionSyntax syntax
            ? syntax.WithoutTrivia()
            : null;

    /// <summary>True when reading the value a second time gives the same value (shared with <see cref="NeutralMailKit"/>).</summary>
    internal static bool IsRereadable(IOperation operation) => operation switch
    {
        IConversionOperation { IsImplicit: true } conversion => IsRereadable(conversion.Operand),
        ILocalReferenceOperation or IParameterReferenceOperation or IInstanceReferenceOperation => true,
        IFieldReferenceOperation field => field.Instance is null || IsRereadable(field.Instance),
        IPropertyReferenceOperation property => property.Arguments.IsEmpty && (property.Instance is null || IsRereadable(property.Instance)),
        _ => false,
    };

    /// <summary><c>port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls</c>.</summary>
    private static ExpressionSyntax ByPort(Document document, MailKitConnection connection, ExpressionSyntax port, MailProtocolInfo info)
        => SyntaxFactory.ConditionalExpression(
            SyntaxFactory.BinaryExpression(
                SyntaxKind.EqualsExpression,
                port,
                SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(info.ImplicitTlsPort))),
            Options(document, connection, "SslOnConnect"),
            Options(document, connection, "StartTls"));

    /// <summary>
    /// SslOnConnect (or <c>useSsl: true</c>, or the "s" scheme), moving a standard plain/STARTTLS port to the protocol's
    /// implicit-TLS port. Null when the call cannot be rewritten in place (for instance a URI built elsewhere).
    /// </summary>
    private static SyntaxNode? UseImplicitTls(Document document, SyntaxNode root, MailKitConnection connection, bool movePort)
    {
        var edits = new Dictionary<SyntaxNode, SyntaxNode>();
        if (connection.UriArgument != null)
        {
            if (UriLiteral(connection.UriArgument) is not { } literal || connection.UriText is null || !Uri.TryCreate(connection.UriText, UriKind.Absolute, out var uri)
                || MailProtocols.FromScheme(uri.Scheme, out _) is not { } info)
            {
                return null;
            }

            var text = ImplicitTlsUri(uri, info, movePort);
            edits[literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal);
            return Apply(root, edits, connection, null);
        }

        if (connection.UseSslArgument is { } useSsl)
        {
            edits[useSsl.Value.Syntax] = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(useSsl.Value.Syntax);
        }

        if (movePort)
        {
            MovePort(connection, edits);
        }

        return Apply(root, edits, connection, connection.UseSslArgument is null ? Options(document, connection, "SslOnConnect") : null);
    }

    /// <summary>Mandatory STARTTLS on the same port: <c>SecureSocketOptions.StartTls</c> or <c>?starttls=always</c>.</summary>
    private static SyntaxNode? RequireStartTls(Document document, SyntaxNode root, MailKitConnection connection)
        => connection.UriArgument != null ? RequireStartTlsInUri(root, connection) : ApplyOptions(root, connection, Options(document, connection, "StartTls"));

    private static SyntaxNode? RequireStartTlsInUri(SyntaxNode root, MailKitConnection connection)
    {
        if (UriLiteral(connection.UriArgument!) is not { } literal || connection.UriText is null)
        {
            return null;
        }

        var text = StartTlsAlwaysUri(connection.UriText);
        var edits = new Dictionary<SyntaxNode, SyntaxNode>
        {
            [literal] = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(text)).WithTriviaFrom(literal),
        };
        return Apply(root, edits, connection, null);
    }

    /// <summary>The call with these options: in place of the options or <c>useSsl</c> argument (an overload exists), or added by name.</summary>
    private static SyntaxNode ApplyOptions(SyntaxNode root, MailKitConnection connection, ExpressionSyntax options)
    {
        // The local that held the old choice (var useSsl = port == 587 ? false : ssl;) is left unused: it goes too.
        var replacedValue = connection.UseSslArgument?.Value ?? (connection.OptionsArgument is { IsImplicit: false } explicitOptions ? explicitOptions.Value : null);
        var edits = new Dictionary<SyntaxNode, SyntaxNode>();
        if (replacedValue != null)
        {
            foreach (var unused in Statements.LeftUnusedBy(replacedValue))
            {
                edits[unused] = unused.WithAdditionalAnnotations(LeftUnused);
            }
        }

        if (connection.UseSslArgument is { Syntax: ArgumentSyntax useSslSyntax })
        {
            // Connect(host, port, useSsl: false) -> Connect(host, port, options: SecureSocketOptions.StartTls).
            var replaced = useSslSyntax.WithExpression(options.WithTriviaFrom(useSslSyntax.Expression));
            if (useSslSyntax.NameColon != null)
            {
                replaced = replaced.WithNameColon(SyntaxFactory.NameColon("options").WithTriviaFrom(useSslSyntax.NameColon));
            }

            edits[useSslSyntax] = replaced;
            return Apply(root, edits, connection, null);
        }

        return Apply(root, edits, connection, options);
    }

    /// <summary>Marks a statement the edit leaves unused, removed once the other edits are in place.</summary>
    private static readonly SyntaxAnnotation LeftUnused = new SyntaxAnnotation("TlsMin.LeftUnused");

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

        var edited = root.ReplaceNodes(edits.Keys, (original, _) => edits[original]);
        var unused = edited.GetAnnotatedNodes(LeftUnused).ToList();
        return unused.Count > 0 ? edited.RemoveNodes(unused, SyntaxRemoveOptions.KeepUnbalancedDirectives)! : edited;
    }

    private static void MovePort(MailKitConnection connection, Dictionary<SyntaxNode, SyntaxNode> edits)
    {
        if (connection.PortArgument is { IsImplicit: false } port
            && connection.FixedPort is { } value
            && connection.Protocol is { } info
            && IsStandardPlainPort(info, value))
        {
            edits[port.Value.Syntax] = SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(info.ImplicitTlsPort))
                .WithTriviaFrom(port.Value.Syntax);
        }
    }

    /// <summary>25 or 587 for SMTP, 143 for IMAP, 110 for POP3: ports that mean "no TLS yet".</summary>
    internal static bool IsStandardPlainPort(MailProtocolInfo info, int port)
        => port == info.PlainDefaultPort || port == info.StartTlsPort;

    private static ExpressionSyntax Options(Document document, MailKitConnection connection, string member)
    {
        var type = connection.OptionsArgument?.Parameter?.Type
                   ?? (connection.Invocation.SemanticModel is { } model ? CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions : null);
        if (connection.OptionsArgument is { IsImplicit: false, Value.Syntax: MemberAccessExpressionSyntax existing }
            && connection.Invocation.SemanticModel is { } semanticModel
            && type != null
            && SymbolEqualityComparer.Default.Equals(semanticModel.GetSymbolInfo(existing.Expression).Symbol, type))
        {
            // SecureSocketOptions.Auto, or an alias of it: spelled the way the code spells it (not _options.Security).
            return FixSyntax.MemberOf(existing.Expression, member);
        }

        return type is null ? SyntaxFactory.IdentifierName(member) : FixSyntax.MemberOf(document, type, member);
    }

    private static LiteralExpressionSyntax? UriLiteral(IArgumentOperation argument)
        => argument.Value.Syntax.DescendantNodesAndSelf().OfType<LiteralExpressionSyntax>().FirstOrDefault(l => l.IsKind(SyntaxKind.StringLiteralExpression));

    /// <summary>The URI text with <c>starttls=always</c> in place of any other <c>starttls</c> value (mandatory STARTTLS).</summary>
    internal static string StartTlsAlwaysUri(string text)
    {
        var query = text.IndexOf('?');
        var kept = query < 0 ? string.Empty : WithoutStartTls(text.Substring(query));
        return (query < 0 ? text : text.Substring(0, query)) + (kept.Length == 0 ? "?" : kept + "&") + "starttls=always";
    }

    /// <summary>The URI with the "s" scheme (implicit TLS), a standard plain port moved to the implicit-TLS one when asked.</summary>
    internal static string ImplicitTlsUri(Uri uri, MailProtocolInfo info, bool movePort)
    {
        var port = uri.IsDefaultPort || uri.Port < 0 ? (int?)null : uri.Port;
        var newPort = movePort && port is { } p && IsStandardPlainPort(info, p) ? info.ImplicitTlsPort : port;
        return info.Scheme + "s://" + (uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : string.Empty) + uri.Host
               + (newPort is { } np ? ":" + np.ToString(CultureInfo.InvariantCulture) : string.Empty)
               + (uri.AbsolutePath == "/" ? string.Empty : uri.AbsolutePath)
               + WithoutStartTls(uri.Query);
    }

    private static string WithoutStartTls(string query)
    {
        var parts = query.TrimStart('?').Split('&').Where(p => p.Length > 0 && !p.StartsWith("starttls=", StringComparison.OrdinalIgnoreCase)).ToList();
        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }
}
