using System.Linq;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using TlsMinAnalyzer.CodeFixes.Internal;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS003 fixes, the one that still connects first. <c>System.Net.Mail.SmtpClient</c> (STARTTLS only): (1)
/// <c>EnableSsl = true</c> on the same port; (2) on port 25, the same and the submission port 587. MailKit: (1) TLS on the
/// same server and port — implicit TLS on 465/993/995, mandatory STARTTLS on other known ports, a choice by port where the
/// port is a setting; (2) implicit TLS on the implicit-TLS port where that is a different action.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(MailWithoutTlsCodeFixProvider))]
public sealed class MailWithoutTlsCodeFixProvider : TlsCodeFixProvider
{
    public const string UseTlsKey = "TLS003.UseTls";
    public const string UseSubmissionPortKey = "TLS003.UseSubmissionPort";
    public const string UseImplicitTlsKey = "TLS003.UseImplicitTls";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.MailWithoutTls);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Mail is not { } symbols)
        {
            return;
        }

        var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
        var operation = model.GetOperation(node, context.CancellationToken);
        switch (operation)
        {
            case IObjectCreationOperation creation when symbols.IsSystemNetMailSmtpClient(creation.Type) && creation.Syntax is ObjectCreationExpressionSyntax creationSyntax:
                RegisterEnableSsl(context, diagnostic, root, creationSyntax, null, SmtpClientUsage.Analyze(creation, symbols));
                break;
            case { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EnableSsl" } property } }
                when symbols.IsSystemNetMailSmtpClient(property.Property.ContainingType) && node is ExpressionSyntax value:
                RegisterEnableSsl(context, diagnostic, root, null, value, SmtpClientUsage.ForInstance(property.Instance, symbols));
                break;
            default:
                if (MailKitFixes.Find(root, model, diagnostic, context.CancellationToken) is not { } connection)
                {
                    return;
                }

                if (MailKitFixes.RequireTls(context.Document, root, connection) is { } requireTls)
                {
                    Register(context, diagnostic, requireTls.Title, UseTlsKey, _ => requireTls.Edit());
                }

                if (MailKitFixes.ImplicitTlsAlternative(context.Document, root, connection, onlyWithPort: false) is { } implicitTls)
                {
                    Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
                }

                break;
        }
    }

    private static void RegisterEnableSsl(CodeFixContext context, Diagnostic diagnostic, SyntaxNode root, ObjectCreationExpressionSyntax? creation, ExpressionSyntax? falseValue, SmtpClientUsage? usage)
    {
        var port = PortPhrase(usage?.Port);
        Register(context, diagnostic, "Require STARTTLS on " + port + " (EnableSsl = true)", UseTlsKey, _ => EnableSsl(root, creation, falseValue, null));
        if (usage?.Port == MailProtocols.SmtpRelayPort && usage.PortValue?.Syntax is ExpressionSyntax relayPort)
        {
            Register(
                context,
                diagnostic,
                "Require STARTTLS on the submission port 587 (EnableSsl = true; the server must offer it)",
                UseSubmissionPortKey,
                _ => EnableSsl(root, creation, falseValue, relayPort));
        }
    }

    /// <summary>Adds <c>EnableSsl = true</c> to the creation's initializer, or turns the <c>false</c> into <c>true</c>; a given port becomes 587.</summary>
    private static SyntaxNode EnableSsl(SyntaxNode root, ObjectCreationExpressionSyntax? creation, ExpressionSyntax? falseValue, ExpressionSyntax? port)
    {
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

    protected override void RegisterNeutralFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        if (CompilationSymbols.For(model.Compilation).Mail is not { } symbols)
        {
            return;
        }

        var node = NeutralFixes.Reported(root, diagnostic);
        if (model.GetOperation(node, context.CancellationToken) is { Parent: ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "EnableSsl" } property } assignment } value
            && assignment.Value == value
            && symbols.IsSystemNetMailSmtpClient(property.Property.ContainingType))
        {
            // EnableSsl = False (in an initializer, a With block or a statement): True, on the same port.
            var usage = SmtpClientUsage.ForInstance(property.Instance, symbols);
            var port = PortPhrase(usage?.Port);
            Register(context, diagnostic, "Require STARTTLS on " + port + " (EnableSsl = True)", UseTlsKey, _ => NeutralFixes.Replace(root, node, generator.TrueLiteralExpression()));
            if (SubmissionPort(usage) is { } relayPort)
            {
                Register(context, diagnostic, SubmissionPortTitle, UseSubmissionPortKey,
                    _ => root.ReplaceNodes(new[] { node, relayPort }, (original, _) => (original == node ? generator.TrueLiteralExpression() : generator.LiteralExpression(MailProtocols.SmtpSubmissionPort)).WithTriviaFrom(original)));
            }

            return;
        }

        if (model.GetOperation(node, context.CancellationToken) is IObjectCreationOperation creation && symbols.IsSystemNetMailSmtpClient(creation.Type)
            && SmtpClientUsage.Analyze(creation, symbols) is { Local: { } local } created
            && EnableSslAfterDeclaration(generator, context.Document, root, creation, local) is { } edit)
        {
            // A client that never sets EnableSsl, held in a Dim or Using variable: "client.EnableSsl = True" right after it is made.
            var createdPort = PortPhrase(created.Port);
            Register(context, diagnostic, "Require STARTTLS on " + createdPort + " (EnableSsl = True)", UseTlsKey, _ => edit());
            if (SubmissionPort(created) is { } relayPort)
            {
                Register(context, diagnostic, SubmissionPortTitle, UseSubmissionPortKey, _ =>
                {
                    var withEnableSsl = edit();
                    var moved = withEnableSsl.DescendantNodes().FirstOrDefault(n => n.Span == relayPort.Span && n.RawKind == relayPort.RawKind && n.IsEquivalentTo(relayPort));
                    return moved is null ? withEnableSsl : withEnableSsl.ReplaceNode(moved, generator.LiteralExpression(MailProtocols.SmtpSubmissionPort).WithTriviaFrom(moved));
                });
            }

            return;
        }

        if (NeutralMailKit.Find(root, model, diagnostic) is not { } connection)
        {
            return;
        }

        if (NeutralMailKit.RequireTls(generator, model, root, connection) is { } requireTls)
        {
            Register(context, diagnostic, requireTls.Title, UseTlsKey, _ => requireTls.Edit());
        }

        if (NeutralMailKit.ImplicitTlsAlternative(generator, model, root, connection, onlyWithPort: false) is { } implicitTls)
        {
            Register(context, diagnostic, implicitTls.Title, UseImplicitTlsKey, _ => implicitTls.Edit());
        }
    }

    /// <summary>
    /// <c>local.EnableSsl = True</c> after the declaration that creates the client, or as the first statement of the
    /// <c>Using</c> block that does; null where the creation is held some other way.
    /// </summary>
    private static System.Func<SyntaxNode>? EnableSslAfterDeclaration(Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator, Document document, SyntaxNode root, IOperation creation, ILocalSymbol local)
    {
        var assignment = generator.AssignmentStatement(generator.MemberAccessExpression(generator.IdentifierName(local.Name), "EnableSsl"), generator.TrueLiteralExpression());
        var statement = (document.Project.Language == LanguageNames.VisualBasic ? assignment : generator.ExpressionStatement(assignment))
            .WithAdditionalAnnotations(Formatter.Annotation);
        for (var current = creation.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IVariableDeclarationGroupOperation declaration when declaration.Parent is IBlockOperation:
                    return () => root.InsertNodesAfter(declaration.Syntax, new[] { statement });
                case IUsingOperation { Body: IBlockOperation { Operations.Length: > 0 } body }:
                    return () => root.InsertNodesBefore(body.Operations[0].Syntax, new[] { statement });
                case IVariableDeclarationGroupOperation or IVariableDeclarationOperation or IVariableDeclaratorOperation or IVariableInitializerOperation or IConversionOperation:
                    continue;
                default:
                    return null;
            }
        }

        return null;
    }

    /// <summary>"port 587" where the code fixes the port, "the same port" otherwise: the titles of the STARTTLS actions.</summary>
    private static string PortPhrase(int? port) => port is { } known ? "port " + known.ToString(CultureInfo.InvariantCulture) : "the same port";

    private const string SubmissionPortTitle = "Require STARTTLS on the submission port 587 (EnableSsl = True; the server must offer it)";

    /// <summary>The relay port 25 written as a literal where the client is made: the submission-port action moves it to 587.</summary>
    private static SyntaxNode? SubmissionPort(SmtpClientUsage? usage)
        => usage?.Port == MailProtocols.SmtpRelayPort && usage.PortValue is { ConstantValue.HasValue: true, Syntax: { } syntax } && usage.PortValue is ILiteralOperation ? syntax : null;
}
