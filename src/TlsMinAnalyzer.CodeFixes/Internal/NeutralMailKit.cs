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

    /// <summary>The first action (see <see cref="MailKitFixes.RequireTls"/>), or null where the call has no options or useSsl argument to rewrite.</summary>
    public static MailFix? RequireTls(SyntaxGenerator generator, SemanticModel model, SyntaxNode root, MailKitConnection connection)
    {
        if (connection.Protocol is not { } info || connection.UriArgument != null
            || (connection.OptionsArgument is not { IsImplicit: false } && connection.UseSslArgument is not { IsImplicit: false })
            || CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions is not { } options)
        {
            return null;
        }

        var position = (connection.OptionsArgument ?? connection.UseSslArgument)!.Syntax.SpanStart;
        SyntaxNode Option(string name) => generator.MemberAccessExpression(NeutralFixes.TypeName(generator, model, position, options), name);

        var port = connection.Port is 0 ? info.PlainDefaultPort : connection.Port;
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

    /// <summary>The options argument gets the new value; a <c>useSsl</c> argument becomes an options argument (named <c>options:=</c> where it was named).</summary>
    private static SyntaxNode Apply(SyntaxGenerator generator, SyntaxNode root, MailKitConnection connection, SyntaxNode value)
    {
        if (connection.OptionsArgument is { IsImplicit: false } options)
        {
            return NeutralFixes.Replace(root, options.Value.Syntax, value);
        }

        var useSsl = connection.UseSslArgument!;
        var named = useSsl.Syntax.Span != useSsl.Value.Syntax.Span;
        var argument = named ? generator.Argument("options", RefKind.None, value) : generator.Argument(value);
        return NeutralFixes.Replace(root, useSsl.Syntax, argument);
    }

    /// <summary>
    /// Mandatory STARTTLS to implicit TLS (TLS008): SslOnConnect, with a literal standard port moved to the implicit-TLS one;
    /// null unless both the options and the port are written in the call.
    /// </summary>
    public static MailFix? ImplicitTls(SyntaxGenerator generator, SemanticModel model, SyntaxNode root, MailKitConnection connection)
    {
        if (connection.Protocol is not { } info || connection.UriArgument != null
            || connection.OptionsArgument is not { IsImplicit: false } options
            || connection.PortArgument is not { IsImplicit: false, Value.ConstantValue: { HasValue: true, Value: int port } } portArgument
            || CompilationSymbols.For(model.Compilation).Mail?.SecureSocketOptions is not { } optionsType)
        {
            return null;
        }

        var implicitPort = info.ImplicitTlsPort.ToString(CultureInfo.InvariantCulture);
        return new MailFix(
            "Use implicit TLS on port " + implicitPort + (port == info.ImplicitTlsPort ? string.Empty : " (the server must offer it)"),
            () =>
            {
                var tracked = root.TrackNodes(options.Value.Syntax, portArgument.Value.Syntax);
                tracked = tracked.ReplaceNode(
                    tracked.GetCurrentNode(options.Value.Syntax)!,
                    generator.MemberAccessExpression(NeutralFixes.TypeName(generator, model, options.Syntax.SpanStart, optionsType), "SslOnConnect")
                        .WithTriviaFrom(options.Value.Syntax));
                var currentPort = tracked.GetCurrentNode(portArgument.Value.Syntax)!;
                return tracked.ReplaceNode(currentPort, generator.LiteralExpression(info.ImplicitTlsPort).WithTriviaFrom(currentPort));
            });
    }
}
