using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.VisualBasic;
using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// The Visual Basic twin of <see cref="AnalyzerVerifier{TRule}"/>: the registry serves no VB flavour of the testing library,
/// so this builds one on the language-neutral <c>AnalyzerTest</c> with the VB compiler and workspace. Same markup, same
/// rule scoping, same reference targets; <c>Option Strict</c> on or off per call.
/// </summary>
internal static class VisualBasicVerifier<TRule>
    where TRule : RuleScope, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(Catalogue.Descriptor(id));

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, References.Net80, expected);

    public static Task VerifyAsync(string source, TestTarget target, params DiagnosticResult[] expected)
        => RunAsync(new[] { source }, target, OptionStrict.On, expected);

    /// <summary>Under <c>Option Strict Off</c> (implicit narrowing conversions, as much legacy VB code compiles).</summary>
    public static Task VerifyStrictOffAsync(string source, TestTarget target, params DiagnosticResult[] expected)
        => RunAsync(new[] { source }, target, OptionStrict.Off, expected);

    /// <summary>Several documents in one project (/0/Test0.vb, /0/Test1.vb, ...).</summary>
    public static Task VerifyAsync(string[] sources, TestTarget target, params DiagnosticResult[] expected)
        => RunAsync(sources, target, OptionStrict.On, expected);

    /// <summary>With an <c>.editorconfig</c> (the <c>tlsmin.*</c> options, severities) applying to every file.</summary>
    public static Task VerifyWithOptionsAsync(string source, string editorConfig, TestTarget target, params DiagnosticResult[] expected)
        => RunAsync(new[] { source }, target, OptionStrict.On, expected, editorConfig);

    private static async Task RunAsync(string[] sources, TestTarget target, OptionStrict optionStrict, DiagnosticResult[] expected, string? editorConfig = null)
    {
        var test = new RuleTest(optionStrict) { ReferenceAssemblies = target.Assemblies };
        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".vb", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        test.DisabledDiagnostics.AddRange(new TRule().OtherIds());
        target.ApplyTo(test.TestState);
        await References.EnsureResolvedAsync();
        await test.RunAsync();
    }

    private sealed class RuleTest : AnalyzerTest<DefaultVerifier>
    {
        private readonly OptionStrict _optionStrict;

        public RuleTest(OptionStrict optionStrict)
        {
            _optionStrict = optionStrict;
        }

        public override string Language => LanguageNames.VisualBasic;

        protected override string DefaultFileExt => "vb";

        protected override CompilationOptions CreateCompilationOptions()
            => new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: _optionStrict, optionInfer: true, optionExplicit: true);

        protected override ParseOptions CreateParseOptions() => new VisualBasicParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new TRule().Analyzers();

        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Catalogue.Descriptor(new TRule().Id);
    }
}

/// <summary>
/// The Visual Basic twin of <see cref="CodeFixVerifier{TRule, TCodeFix}"/>, on the language-neutral <c>CodeFixTest</c>:
/// the fix with the given key applied one finding at a time and through Fix All, the result compiled and re-analyzed.
/// </summary>
internal static class VisualBasicFixVerifier<TRule, TCodeFix>
    where TRule : RuleScope, new()
    where TCodeFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, TestTarget? target = null)
        => RunAsync(source, fixedSource, equivalenceKey, target);

    /// <summary>Several documents (/0/Test0.vb, ...): Fix All must fix each, in document, project and solution scope.</summary>
    public static async Task VerifyAsync(string[] sources, string[] fixedSources, string equivalenceKey, TestTarget? target = null)
    {
        var chosen = target ?? References.Net80;
        var test = new RuleFixTest { CodeActionEquivalenceKey = equivalenceKey, ReferenceAssemblies = chosen.Assemblies };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".vb", sources[i]));
            test.FixedState.Sources.Add(("/0/Test" + i + ".vb", fixedSources[i]));
        }

        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.DisabledDiagnostics.AddRange(new TRule().OtherIds());
        chosen.ApplyTo(test.TestState);
        await References.EnsureResolvedAsync();
        await test.RunAsync();
    }

    /// <summary>No action with <paramref name="equivalenceKey"/> is offered.</summary>
    public static Task VerifyNotOfferedAsync(string source, string equivalenceKey, TestTarget? target = null)
        => RunAsync(source, source, equivalenceKey, target);

    private static async Task RunAsync(string source, string fixedSource, string equivalenceKey, TestTarget? target)
    {
        var chosen = target ?? References.Net80;
        var test = new RuleFixTest
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = chosen.Assemblies,
        };
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.DisabledDiagnostics.AddRange(new TRule().OtherIds());
        chosen.ApplyTo(test.TestState);
        await References.EnsureResolvedAsync();
        await test.RunAsync();
    }

    private sealed class RuleFixTest : CodeFixTest<DefaultVerifier>
    {
        public override string Language => LanguageNames.VisualBasic;

        protected override string DefaultFileExt => "vb";

        // The code-action tests dump syntax trees with this enum in their failure messages.
        public override System.Type SyntaxKindType => typeof(SyntaxKind);

        protected override CompilationOptions CreateCompilationOptions()
            => new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: OptionStrict.On, optionInfer: true, optionExplicit: true);

        protected override ParseOptions CreateParseOptions() => new VisualBasicParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose);

        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new TRule().Analyzers();

        protected override IEnumerable<Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider> GetCodeFixProviders() => new[] { new TCodeFix() };

        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Catalogue.Descriptor(new TRule().Id);
    }
}
