using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.CodeFixes.Internal;
using TlsMinAnalyzer.CodeFixes.Internal.Protocols;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Rules;

/// <summary>
/// TLS001 fixes: (1) rewrite the value to TLS 1.2 and TLS 1.3 (Tls13 only where the target's enum has it), keeping the
/// parts that are not deprecated; (2) let the operating system choose (<c>SslProtocols.None</c> /
/// <c>SecurityProtocolType.SystemDefault</c>), removing a <c>ServicePointManager.SecurityProtocol</c> statement outright
/// where the target marks <c>ServicePointManager</c> obsolete. A value that other code reads too (a private constant
/// also compared or displayed, a mapping method; a public one is searched for in the whole project) is fixed at the
/// settings that read it instead (<see cref="SharedProtocolWrite"/>).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, LanguageNames.VisualBasic, Name = nameof(DeprecatedProtocolCodeFixProvider))]
public sealed class DeprecatedProtocolCodeFixProvider : TlsCodeFixProvider
{
    public const string UseModernVersionsKey = "TLS001.UseTls12AndTls13";
    public const string LetOperatingSystemChooseKey = "TLS001.LetOperatingSystemChoose";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.DeprecatedProtocol);

    protected override async Task RegisterFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic)
    {
        if (!ProtocolFinding.TryFind(root, model, diagnostic, out var symbols, out var node, out var value, out var protocolEnum))
        {
            return;
        }

        // A mapping's result taken by a setting (Parse(version)): the setting keeps only the current versions; the mapping,
        // which other callers may read as data, is left alone.
        if (value.StripConversions() is IInvocationOperation mapping && ProtocolMappings.MappedBits(mapping, symbols) != 0)
        {
            var minimumPolicy = MinimumTls13(diagnostic);
            if (minimumPolicy && protocolEnum.FindConstantMember(ProtocolVersions.Tls13Member) is null)
            {
                return;
            }

            var keeper = new ProtocolRewriter(context.Document, symbols, protocolEnum, null, minimumPolicy);
            Register(
                context,
                diagnostic,
                KeepOnlyTitle(minimumPolicy) + " of what " + mapping.TargetMethod.Name + " returns (the mapping is kept)",
                UseModernVersionsKey,
                cancellationToken => root.ReplaceNode(node, SharedProtocolWrite.KeepCurrentVersions(node, keeper, protocolEnum, out var stillReads)));
            return;
        }

        var shared = await SharedProtocolWrite.AnalyzeAsync(value, context.Document, model, symbols, context.CancellationToken).ConfigureAwait(false);
        if (shared.Site == ProtocolFixSite.None)
        {
            return;
        }

        var hasTls13 = protocolEnum.FindConstantMember(ProtocolVersions.Tls13Member) is not null;
        var minimum13 = MinimumTls13(diagnostic);
        var enumType = ProtocolFinding.EnumTypeSyntax(node, model, protocolEnum, context.CancellationToken);
        var fix = new ProtocolRewriter(context.Document, symbols, protocolEnum, enumType, minimum13);
        var deprecatedBits = ProtocolValues.WrittenBits(value, symbols) & ProtocolVersions.DeprecatedMaskFor(minimum13);
        var where = shared.Site == ProtocolFixSite.AtSettings ? " where " + shared.HolderName + " sets a protocol" : string.Empty;
        if ((!minimum13 || hasTls13) && deprecatedBits != 0)
        {
            var versions = VersionsTitle(minimum13, hasTls13);
            var title = shared.Site == ProtocolFixSite.AtWrite ? versions
                : shared.IsMapping ? KeepOnlyTitle(minimum13) + where + " (the mapping is kept)"
                : versions + where + " (" + shared.HolderName + " is kept for its other uses)";
            if (shared.Site == ProtocolFixSite.AtSettings && shared.SettingReadersElsewhere.Count > 0)
            {
                RegisterSolutionChange(context, diagnostic, title, UseModernVersionsKey, cancellationToken => shared.FixSettingsAsync(
                    context.Document.Project.Solution,
                    (document, reader) => ModernAtSetting(reader, new ProtocolRewriter(document, symbols, protocolEnum, null, minimum13), protocolEnum, deprecatedBits),
                    cancellationToken));
            }
            else
            {
                Register(context, diagnostic, title, UseModernVersionsKey, _ => shared.Site == ProtocolFixSite.AtWrite
                    ? fix.Rewrite(value) is { } modern ? root.ReplaceNode(node, modern.WithTriviaFrom(node)) : null
                    : shared.FixSettings(root, reader => ModernAtSetting(reader, fix, protocolEnum, deprecatedBits)));
            }
        }

        if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
        {
            var title = "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")" + where;
            var osRewriter = new ProtocolRewriter(context.Document, symbols, protocolEnum, enumType, minimum13, systemDefault.Name);
            if (shared.Site == ProtocolFixSite.AtSettings && shared.SettingReadersElsewhere.Count > 0)
            {
                RegisterSolutionChange(context, diagnostic, title, LetOperatingSystemChooseKey, cancellationToken => shared.FixSettingsAsync(
                    context.Document.Project.Solution,
                    (document, reader) => OperatingSystemAtSetting(reader, new ProtocolRewriter(document, symbols, protocolEnum, null, minimum13, systemDefault.Name), symbols),
                    cancellationToken));
            }
            else
            {
                Register(context, diagnostic, title, LetOperatingSystemChooseKey, _ => shared.Site == ProtocolFixSite.AtWrite
                    ? OperatingSystemChoice.Apply(root, node, value, osRewriter, symbols)
                    : shared.FixSettings(root, reader => OperatingSystemAtSetting(reader, osRewriter, symbols)));
            }
        }
    }

    /// <summary>A constant reader becomes the current versions; any other (a mapping's result) keeps only the current versions.</summary>
    private static (SyntaxNode, SyntaxNode?, bool) ModernAtSetting(IOperation reader, ProtocolRewriter fix, INamedTypeSymbol protocolEnum, int deprecatedBits)
    {
        var syntax = (ExpressionSyntax)reader.Syntax;
        if (ValueFlow.Constant(reader) is { HasValue: true } constant)
        {
            return (syntax, fix.Members(EnumExtensions.ToBits(constant.Value) & ~deprecatedBits).WithTriviaFrom(syntax), false);
        }

        var kept = SharedProtocolWrite.KeepCurrentVersions(syntax, fix, protocolEnum, out var stillReads);
        return (syntax, kept, stillReads);
    }

    private static (SyntaxNode, SyntaxNode?, bool) OperatingSystemAtSetting(IOperation reader, ProtocolRewriter osRewriter, TlsSymbols symbols)
    {
        var (target, replacement) = OperatingSystemChoice.Edit((ExpressionSyntax)reader.Syntax, reader, osRewriter, symbols);
        return (target, replacement, false);
    }

    protected override async Task RegisterNeutralFixesAsync(CodeFixContext context, SyntaxNode root, SemanticModel model, Diagnostic diagnostic, Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator)
    {
        var node = NeutralFixes.Reported(root, diagnostic);
        if (CompilationSymbols.For(model.Compilation).Tls is not { } symbols
            || model.GetOperation(node, context.CancellationToken) is not { } value
            || symbols.AsProtocolEnum(value.Type) is not { } protocolEnum)
        {
            return;
        }

        var minimum13 = MinimumTls13(diagnostic);
        var hasTls13 = EnumExtensions.FindConstantMember(protocolEnum, ProtocolVersions.Tls13Member) is not null;
        if (minimum13 && !hasTls13)
        {
            return; // the policy asks for a version this target cannot name, as in C#
        }

        var modern = (minimum13 ? 0 : ProtocolVersions.Tls12Bits) | (hasTls13 ? ProtocolVersions.Tls13Bits : 0);
        var versions = VersionsTitle(minimum13, hasTls13);

        // A mapping's result taken by a setting: masked there ("Map(v) And (Tls12 Or Tls13)"); the mapping stays.
        if (value.StripConversions() is IInvocationOperation mapping && ProtocolMappings.MappedBits(mapping, symbols) != 0)
        {
            if (NeutralProtocols.Members(generator, model, node, protocolEnum, modern) is { } current)
            {
                Register(context, diagnostic, KeepOnlyTitle(minimum13) + " of what " + mapping.TargetMethod.Name + " returns (the mapping is kept)", UseModernVersionsKey,
                    _ => NeutralFixes.Replace(root, node, generator.BitwiseAndExpression(node.WithoutTrivia(), current)));
            }

            return;
        }

        // configured Or SslProtocols.Tls11 (ServicePointManager.SecurityProtocol Or ...): the constant part becomes the
        // current versions, the values read from elsewhere stay.
        if (!value.ConstantValue.HasValue && NeutralProtocols.KeepReadParts(generator, model, value, protocolEnum, symbols, minimum13, modern) is { } rewritten)
        {
            Register(context, diagnostic, versions, UseModernVersionsKey, _ => NeutralFixes.Replace(root, node, rewritten));
            return;
        }

        // Where the constant is written (a setting, a Const, a local, a Return) when nothing but settings reads it; at the
        // settings of this document that read it when something else (a comparison, a display name) reads it too.
        var shared = await SharedProtocolWrite.AnalyzeAsync(value, context.Document, model, symbols, context.CancellationToken).ConfigureAwait(false);
        if (shared.Site == ProtocolFixSite.AtSettings && shared.SettingReadersElsewhere.Count > 0)
        {
            // A public constant read elsewhere too: the settings that read it, in whatever document, each in its own words.
            RegisterSolutionChange(
                context,
                diagnostic,
                versions + " where " + shared.HolderName + " sets a protocol (" + shared.HolderName + " is kept for its other uses)",
                UseModernVersionsKey,
                cancellationToken => shared.FixSettingsAsync(
                    context.Document.Project.Solution,
                    (document, reader) => (reader.Syntax, ModernReader(Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(document), reader, protocolEnum, minimum13, modern), false),
                    cancellationToken));
            if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
            {
                RegisterSolutionChange(
                    context,
                    diagnostic,
                    "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ") where " + shared.HolderName + " sets a protocol",
                    LetOperatingSystemChooseKey,
                    cancellationToken => shared.FixSettingsAsync(
                        context.Document.Project.Solution,
                        (document, reader) => SystemDefaultAtReader(Microsoft.CodeAnalysis.Editing.SyntaxGenerator.GetGenerator(document), reader, protocolEnum, systemDefault.Name, symbols),
                        cancellationToken));
            }
        }
        else if (shared.Site == ProtocolFixSite.AtWrite && !value.ConstantValue.HasValue)
        {
            // If(legacy, SslProtocols.Tls, SslProtocols.Tls12): only the arms that enable old versions change.
            var deprecated = ProtocolVersions.DeprecatedMaskFor(minimum13);
            if (NeutralProtocols.RewriteArms(generator, model, value, symbols, bits => NeutralProtocols.Members(generator, model, node, protocolEnum, (bits & ~deprecated) | modern), deprecated) is { } modernArms)
            {
                Register(context, diagnostic, versions, UseModernVersionsKey, _ => modernArms(root));
            }

            if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault
                && NeutralProtocols.RewriteArms(generator, model, value, symbols, _ => NeutralFixes.Member(generator, model, node, protocolEnum, systemDefault.Name), deprecated) is { } systemArms)
            {
                Register(context, diagnostic, "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ")", LetOperatingSystemChooseKey, _ => systemArms(root));
            }
        }
        else if (shared.Site == ProtocolFixSite.AtWrite)
        {
            var bits = (ProtocolValues.WrittenBits(value, symbols) & ~ProtocolVersions.DeprecatedMaskFor(minimum13)) | modern;
            if (NeutralProtocols.Members(generator, model, node, protocolEnum, bits) is { } replacement)
            {
                Register(context, diagnostic, versions, UseModernVersionsKey, _ => NeutralFixes.Replace(root, node, replacement));
            }

            if (NeutralProtocols.OperatingSystemChoice(generator, model, node, protocolEnum, symbols) is { } choice)
            {
                Register(context, diagnostic, choice.Title, LetOperatingSystemChooseKey, _ => choice.Apply(root));
            }
        }
        else if (shared.Site == ProtocolFixSite.AtSettings && shared.SettingReaders.Count > 0)
        {
            Register(
                context,
                diagnostic,
                shared.IsMapping
                    ? KeepOnlyTitle(minimum13) + " where " + shared.HolderName + " sets a protocol (the mapping is kept)"
                    : versions + " where " + shared.HolderName + " sets a protocol (" + shared.HolderName + " is kept for its other uses)",
                UseModernVersionsKey,
                _ =>
                {
                    var readers = shared.SettingReaders.ConvertAll(reader => reader.Syntax);
                    return root.ReplaceNodes(readers, (original, _) => ModernReader(generator, shared.SettingReaders[readers.IndexOf(original)], protocolEnum, minimum13, modern));
                });
            if (symbols.SystemDefaultMember(protocolEnum) is { } systemDefault)
            {
                Register(
                    context,
                    diagnostic,
                    "Let the operating system choose (" + protocolEnum.Name + "." + systemDefault.Name + ") where " + shared.HolderName + " sets a protocol",
                    LetOperatingSystemChooseKey,
                    _ =>
                    {
                        return shared.FixSettings(root, reader => SystemDefaultAtReader(generator, reader, protocolEnum, systemDefault.Name, symbols));
                    });
            }
        }
    }

    /// <summary>
    /// A setting's read of a shared constant, as the constant's current versions plus the modern ones, in the reader's
    /// language; a mapping's result keeps only the current versions (<c>Map(v) And (Tls12 Or Tls13)</c>), or gives way to
    /// them where the enum has no system-default member to fall back on, as in C#.
    /// </summary>
    private static SyntaxNode ModernReader(Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator, IOperation reader, INamedTypeSymbol protocolEnum, bool minimum13, int modern)
    {
        var constant = ValueFlow.Constant(reader);
        var bits = (constant.HasValue ? EnumExtensions.ToBits(constant.Value) & ~ProtocolVersions.DeprecatedMaskFor(minimum13) : 0) | modern;
        var members = reader.SemanticModel is { } model ? NeutralProtocols.Members(generator, model, reader.Syntax, protocolEnum, bits) : null;
        if (!constant.HasValue && members != null && protocolEnum.FindMemberByValue(0) is not null)
        {
            members = generator.BitwiseAndExpression(reader.Syntax.WithoutTrivia(), members);
        }

        return (members ?? reader.Syntax)
            .WithTriviaFrom(reader.Syntax)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
    }

    /// <summary>
    /// A setting's read of a shared value, as the system default (<c>None</c>, <c>SystemDefault</c>) in the reader's
    /// language; an obsolete <c>ServicePointManager.SecurityProtocol</c> statement is removed instead (null replacement).
    /// </summary>
    private static (SyntaxNode Target, SyntaxNode? Replacement, bool StillReads) SystemDefaultAtReader(Microsoft.CodeAnalysis.Editing.SyntaxGenerator generator, IOperation reader, INamedTypeSymbol protocolEnum, string systemDefault, TlsSymbols symbols)
    {
        if (reader.SemanticModel is not { } model)
        {
            return (reader.Syntax, reader.Syntax, true);
        }

        if (NeutralProtocols.ObsoleteSettingStatement(model, reader, symbols) is { } statement)
        {
            return (statement, null, false);
        }

        var member = NeutralFixes.Member(generator, model, reader.Syntax, protocolEnum, systemDefault)
            .WithTriviaFrom(reader.Syntax)
            .WithAdditionalAnnotations(Microsoft.CodeAnalysis.Formatting.Formatter.Annotation, Microsoft.CodeAnalysis.Simplification.Simplifier.Annotation);
        return (reader.Syntax, member, false);
    }

    /// <summary>The project's policy asks for TLS 1.3 (<c>tlsmin.minimum_tls_version = 1.3</c>), as the analyzer recorded it.</summary>
    private static bool MinimumTls13(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(TlsOptions.MinimumVersionKey, out var minimum) && minimum == "1.3";

    private static string VersionsTitle(bool minimum13, bool hasTls13) => minimum13 ? "Use TLS 1.3" : hasTls13 ? "Use TLS 1.2 and TLS 1.3" : "Use TLS 1.2";

    private static string KeepOnlyTitle(bool minimum13) => "Keep only " + (minimum13 ? "TLS 1.3" : "TLS 1.2 and later");
}
