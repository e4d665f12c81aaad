using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS003 fixes: <c>System.Net.Mail.SmtpClient</c> gets <c>EnableSsl = true</c> (and port 25 becomes the submission port
/// 587; 465 would not work with this class); a MailKit connection gets implicit TLS on the protocol's implicit-TLS port.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MailWithoutTlsCodeFixProvider)), Shared]
public sealed class MailWithoutTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string UseTlsKey = "TLS003.UseTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailWithoutTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Mail is not { } symbols)
        {
            return;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var operation = model.GetOperation(node, context.CancellationToken);
        SyntaxNode? fixedRoot = null;
        string title;
        switch (operation)
        {
            case IObjectCreationOperation creation when symbols.IsSystemNetMailSmtpClient(creation.Type):
                var usage = SmtpClientUsage.Analyze(creation, symbols);
                fixedRoot = EnableSsl(root, (ObjectCreationExpressionSyntax)creation.Syntax, null, usage);
                title = Title(usage);
                break;
            case { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EnableSsl" } property } }
                when symbols.IsSystemNetMailSmtpClient(property.Property.ContainingType) && node is ExpressionSyntax value:
                var assigned = SmtpClientUsage.ForInstance(property.Instance, symbols);
                fixedRoot = EnableSsl(root, null, value, assigned);
                title = Title(assigned);
                break;
            default:
                if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is not { } connection)
                {
                    return;
                }

                fixedRoot = MailKitFixes.UseImplicitTls(context.Document, root, connection);
                title = "Use implicit TLS (SecureSocketOptions.SslOnConnect)";
                break;
        }

        if (fixedRoot != null)
        {
            var result = fixedRoot;
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(context.Document.WithSyntaxRoot(result)), UseTlsKey), diagnostic);
        }
    }

    private static string Title(SmtpClientUsage? usage)
        => usage?.Port == MailProtocols.SmtpRelayPort ? "Set EnableSsl = true and use the submission port 587" : "Set EnableSsl = true";

    /// <summary>Adds <c>EnableSsl = true</c> to the creation's initializer, or turns the <c>false</c> into <c>true</c>; 25 becomes 587.</summary>
    private static SyntaxNode EnableSsl(SyntaxNode root, ObjectCreationExpressionSyntax? creation, ExpressionSyntax? falseValue, SmtpClientUsage? usage)
    {
        var port = usage?.Port == MailProtocols.SmtpRelayPort ? usage.PortValue?.Syntax as ExpressionSyntax : null;
        var nodes = new System.Collections.Generic.List<SyntaxNode>();
        if (creation != null)
        {
            nodes.Add(creation);
        }

        if (falseValue != null)
        {
            nodes.Add(falseValue);
        }

        if (port != null)
        {
            nodes.Add(port);
        }

        var tracked = root.TrackNodes(nodes);
        if (port != null)
        {
            var current = tracked.GetCurrentNode(port)!;
            tracked = tracked.ReplaceNode(current, SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(MailProtocols.SmtpSubmissionPort)).WithTriviaFrom(current));
        }

        if (falseValue != null)
        {
            var current = tracked.GetCurrentNode(falseValue)!;
            tracked = tracked.ReplaceNode(current, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(current));
        }

        if (creation != null)
        {
            var current = tracked.GetCurrentNode(creation)!;
            var enableSsl = SyntaxFactory.AssignmentExpression(
                SyntaxKind.SimpleAssignmentExpression,
                SyntaxFactory.IdentifierName("EnableSsl"),
                SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression));
            var updated = current.Initializer is { } initializer
                ? current.WithInitializer(initializer.WithExpressions(initializer.Expressions.Add(enableSsl)))
                : current
                    .WithArgumentList(current.ArgumentList?.WithoutTrailingTrivia())
                    .WithType(current.ArgumentList is null ? current.Type.WithoutTrailingTrivia() : current.Type)
                    .WithInitializer(SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression, SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(enableSsl)))
                    .WithTrailingTrivia(current.GetTrailingTrivia());
            tracked = tracked.ReplaceNode(current, updated.WithAdditionalAnnotations(Formatter.Annotation));
        }

        return tracked;
    }
}
