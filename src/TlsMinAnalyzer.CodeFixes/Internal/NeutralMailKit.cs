using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal;

/// <summary>
/// The MailKit actions of <see cref="MailKitFixes"/> built language-neutrally (for Visual Basic): the same first action —
/// TLS required on the same port, implicit on the implicit-TLS port, MailKit's split by port where the port is a value
/// read from settings — on calls that pass their options or <c>useSsl</c> as an argument. URIs and calls without an
/// options argument get no neutral fix.
/// </summary>
internal static class NeutralMailKit
{
    public static MailKitConnection? Find(SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Mail is not { } symbols)
        {
            return null;
        }

        for (var operation = model.GetOperation(NeutralFixes.Reported(root, diagnostic)); operation != null; operation = operation.Parent)
        {
            if (operation is IInvocationOperation invocation)
            {
                return MailKitConnection.TryResolve(invocation, symbols, out var connection) ? connection : null;
            }
        }

        return null;
    }

    /// <summary>
    /// The first action (see <see cref="MailKitFixes.RequireTls"/>): the options or <c>useSsl</c> argument rewritten, or
    /// <c>options:=</c> added to a call that leaves them to their default (<c>Connect(host, 587)</c> is Auto). Null for URIs.
    /// </summary>
    public static MailFix? RequireTls(SyntaxGenerator generator, SemanticModel model, SyntaxNode root, MailKitConnection connection)
    {
        if (connection.UriArgument is { } uriArgument)
        {
            return RequireTlsInUri(generator, root, connection, uriArgument);
        }

        if (connection.Protocol is not { } info
            || (connection.OptionsArgument is null && connection.UseSslArgument is not { IsImplicit: false })
            || CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions is not { } options)
        {
            return null;
        }

        var position = (connection.OptionsArgument ?? connection.UseSslArgument)!.Syntax.SpanStart;
        SyntaxNode Option(string name) => generator.MemberAccessExpression(NeutralFixes.TypeName(generator, model, position, options), name);

        var port = connection.FixedPort is 0 ? info.PlainDefaultPort : connection.FixedPort;
        if (port is { } known)
        {
            var text = known.ToString(CultureInfo.InvariantCulture);
            return known == info.ImplicitTlsPort
                ? new MailFix("Use implicit TLS on port " + text, () => Apply(generator, root, connection, Option("SslOnConnect")))
                : new MailFix("Require STARTTLS on port " + text, () => Apply(generator, root, connection, Option("StartTls")));
        }

        if (connection.PortArgument is { IsImplicit: false } portArgument && MailKitFixes.IsRereadable(portArgument.Value))
        {
            var byPort = generator.ConditionalExpression(
                generator.ValueEqualsExpression(portArgument.Value.Syntax.WithoutTrivia(), generator.LiteralExpression(info.ImplicitTlsPort)),
                Option("SslOnConnect"),
                Option("StartTls"));
            return new MailFix(
                "Require TLS: implicit on port " + info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture) + ", STARTTLS on any other port",
                () => Apply(generator, root, connection, byPort));
        }

        return new MailFix("Require STARTTLS on the same port", () => Apply(generator, root, connection, Option("StartTls")));
    }

    /// <summary>
    /// The options argument gets the new value; a <c>useSsl</c> argument becomes an options argument (named <c>options:=</c>
    /// where it was named); a call that leaves the options to their default gets <c>options:=</c> after its last argument.
    /// </summary>
    private static SyntaxNode? Apply(SyntaxGenerator generator, SyntaxNode root, MailKitConnection connection, SyntaxNode value)
    {
        if (connection.OptionsArgument is { IsImplicit: false } options)
        {
            return NeutralFixes.Replace(root, options.Value.Syntax, value);
        }

        if (connection.OptionsArgument is { IsImplicit: true })
        {
            IArgumentOperation? last = null;
            foreach (var given in connection.Invocation.Arguments)
            {
                if (!given.IsImplicit && (last is null || given.Syntax.SpanStart > last.Syntax.SpanStart))
                {
                    last = given;
                }
            }

            return last is null ? null : root.InsertNodesAfter(last.Syntax, new[] { generator.Argument("options", RefKind.None, value) });
        }

        var useSsl = connection.UseSslArgument!;
        var named = useSsl.Syntax.Span != useSsl.Value.Syntax.Span;
        var argument = named ? generator.Argument("options", RefKind.None, value) : generator.Argument(value);

        // The local that held the old choice (Dim useSsl = If(port = 587, False, ssl)) is left unused: it goes too.
        return Statements.ReplaceRemovingUnused(generator, root, useSsl.Syntax, argument.WithTriviaFrom(useSsl.Syntax), Statements.LeftUnusedBy(useSsl.Value));
    }

    /// <summary>
    /// A URI written as a string literal (<c>New Uri("smtp://host:587?starttls=never")</c>): implicit TLS by the "s" scheme on
    /// the implicit-TLS port, <c>?starttls=always</c> on any other. Null where the text is not a literal MailKit can read.
    /// </summary>
    private static MailFix? RequireTlsInUri(SyntaxGenerator generator, SyntaxNode root, MailKitConnection connection, IArgumentOperation uriArgument)
    {
        SyntaxNode? literal = null;
        foreach (var operation in uriArgument.Value.DescendantsAndSelf())
        {
            if (operation is ILiteralOperation { ConstantValue: { HasValue: true, Value: string } })
            {
                literal = operation.Syntax;
                break;
            }
        }

        if (literal is null || connection.UriText is not { } text || !System.Uri.TryCreate(text, System.UriKind.Absolute, out var uri)
            || MailProtocols.FromScheme(uri.Scheme, out _) is not { } info)
        {
            return null;
        }

        var port = uri.IsDefaultPort || uri.Port < 0 ? (int?)null : uri.Port;
        if (port == info.ImplicitTlsPort)
        {
            var implicitText = MailKitFixes.ImplicitTlsUri(uri, info, movePort: false);
            return new MailFix("Use implicit TLS on port " + info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture), () => NeutralFixes.Replace(root, literal, generator.LiteralExpression(implicitText)));
        }

        var startTls = MailKitFixes.StartTlsAlwaysUri(text);
        var portText = (port ?? info.PlainDefaultPort).ToString(CultureInfo.InvariantCulture);
        return new MailFix("Require STARTTLS on port " + portText, () => NeutralFixes.Replace(root, literal, generator.LiteralExpression(startTls)));
    }

    /// <summary>
    /// Implicit TLS as the alternative action (see <see cref="MailKitFixes.ImplicitTlsAlternative"/>): SslOnConnect (or
    /// <c>useSsl:=True</c>), a standard port written in the call moved to the implicit-TLS one, the title saying the server
    /// must offer it. Null where the first action already is implicit TLS, where the call has no options or useSsl argument,
    /// and (for <paramref name="onlyWithPort"/>, TLS008) where the port cannot be moved.
    /// </summary>
    public static MailFix? ImplicitTlsAlternative(SyntaxGenerator generator, SemanticModel model, SyntaxNode root, MailKitConnection connection, bool onlyWithPort)
    {
        if (connection.Protocol is not { } info || connection.UriArgument != null
            || (connection.OptionsArgument is not { IsImplicit: false } && connection.UseSslArgument is not { IsImplicit: false })
            || CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions is not { } optionsType)
        {
            return null;
        }

        var implicitPort = info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture);
        var port = connection.FixedPort is 0 ? info.PlainDefaultPort : connection.FixedPort;
        if (port is { } known)
        {
            if (known == info.ImplicitTlsPort)
            {
                return null;
            }

            if (connection.PortArgument is { IsImplicit: false, Value.ConstantValue.HasValue: true } && MailKitFixes.IsStandardPlainPort(info, known))
            {
                return new MailFix("Use implicit TLS on port " + implicitPort + " (the server must offer it)", () => UseImplicitTls(generator, model, root, connection, optionsType, info, movePort: true));
            }

            return onlyWithPort
                ? null
                : new MailFix("Use implicit TLS on port " + known.ToString(CultureInfo.InvariantCulture) + " (the server must offer it there)", () => UseImplicitTls(generator, model, root, connection, optionsType, info, movePort: false));
        }

        return onlyWithPort
            ? null
            : new MailFix("Use implicit TLS on the configured port (the server must offer it there; usually " + implicitPort + ")", () => UseImplicitTls(generator, model, root, connection, optionsType, info, movePort: false));
    }

    private static SyntaxNode UseImplicitTls(SyntaxGenerator generator, SemanticModel model, SyntaxNode root, MailKitConnection connection, INamedTypeSymbol optionsType, MailProtocolInfo info, bool movePort)
    {
        var value = connection.OptionsArgument is { IsImplicit: false } options ? options.Value.Syntax : connection.UseSslArgument!.Value.Syntax;
        var replacement = connection.OptionsArgument is { IsImplicit: false }
            ? generator.MemberAccessExpression(NeutralFixes.TypeName(generator, model, value.SpanStart, optionsType), "SslOnConnect")
            : generator.TrueLiteralExpression();
        var port = movePort ? connection.PortArgument!.Value.Syntax : null;
        var tracked = root.TrackNodes(port is null ? new[] { value } : new[] { value, port });
        var current = tracked.GetCurrentNode(value)!;
        tracked = tracked.ReplaceNode(current, replacement.WithTriviaFrom(current));
        if (port != null)
        {
            var currentPort = tracked.GetCurrentNode(port)!;
            tracked = tracked.ReplaceNode(currentPort, generator.LiteralExpression(info.ImplicitTlsPort).WithTriviaFrom(currentPort));
        }

        return tracked;
    }
}
