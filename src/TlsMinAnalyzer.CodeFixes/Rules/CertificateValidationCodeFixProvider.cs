using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.CodeFixes.Internal;
using TlsMinAnalyzer.CodeFixes.Internal.Certificates;
using TlsMinAnalyzer.Rules;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS002 fixes: (1) remove the override so the platform validates (<see cref="ValidationHookRemoval"/>); (2) keep the
/// hook but make it accept only <c>SslPolicyErrors.None</c> (<see cref="StrictValidationCallback"/>). A server's
/// client-certificate callback gets neither.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CertificateValidationCodeFixProvider))]
public sealed class CertificateValidationCodeFixProvider : TlsCodeFixProvider
{
    public const string RemoveCallbackKey = "TLS002.UsePlatformValidation";
    public const string AcceptOnlyValidKey = "TLS002.AcceptOnlyValidCertificates";

    /// <summary>Its own key: Fix All of the installs' actions must not rewrite kept callbacks, nor the reverse.</summary>
    public const string KeptCallbackAcceptOnlyValidKey = "TLS002.KeptCallbackAcceptsOnlyValidCertificates";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CertificateValidationDisabled);

    protected override void RegisterFixes(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (CompilationSymbols.For(model.Compilation).Certificates is not { } symbols)
        {
            return;
        }

        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not ExpressionSyntax node
            || model.GetOperation(node, context.CancellationToken) is not { } value)
        {
            return;
        }

        if (FindInstall(value, symbols) is not { } install)
        {
            // A callback kept in a field, property or local and installed elsewhere: its body can be made strict here.
            if (StrictValidationCallback.Applies(root, value, null, symbols))
            {
                Register(
                    context,
                    diagnostic,
                    "Make the kept callback accept only certificates without policy errors (SslPolicyErrors.None)",
                    KeptCallbackAcceptOnlyValidKey,
                    _ => StrictValidationCallback.Apply(root, context.Document, value, null, symbols));
            }

            return;
        }

        // A server's callback judges its clients' certificates: removing it or making it strict changes whom the server accepts.
        if (ConnectionRole.IsServerSide(install))
        {
            return;
        }

        if (ValidationHookRemoval.CanRemove(install))
        {
            Register(
                context,
                diagnostic,
                "Remove the validation callback (the platform validates the certificate)",
                RemoveCallbackKey,
                cancellationToken => ValidationHookRemoval.Remove(root, model, install, value, cancellationToken));
        }

        if (StrictValidationCallback.Applies(root, value, install, symbols))
        {
            Register(
                context,
                diagnostic,
                "Accept only certificates without policy errors (SslPolicyErrors.None)",
                AcceptOnlyValidKey,
                _ => StrictValidationCallback.Apply(root, context.Document, value, install, symbols));
        }
    }

    /// <summary>The assignment, event subscription or argument that installs the value.</summary>
    private static IOperation? FindInstall(IOperation value, CertificateSymbols symbols)
        => value.Consumer() is { } consumer && CertificateValidationAnalyzer.FindHook(consumer, symbols, out _) != null ? consumer : null;
}
