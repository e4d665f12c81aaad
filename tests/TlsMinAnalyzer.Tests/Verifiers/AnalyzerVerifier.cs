using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// Thin wrapper over the testing library: markup in, findings of one rule (<typeparamref name="TRule"/>) verified, reference
/// assemblies chosen per call.
/// </summary>
internal static class AnalyzerVerifier<TRule>
    where TRule : RuleScope, new()
{
    public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(Catalogue.Descriptor(id));

    public static Task VerifyAsync(string source, TestTarget target, params DiagnosticResult[] expected)
        => Run(source, target, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>With an <c>.editorconfig</c> (options such as <c>tlsmin.minimum_tls_version</c>) applying to every file.</summary>
    public static Task VerifyWithOptionsAsync(string source, string editorConfig, TestTarget target, params DiagnosticResult[] expected)
        => Run(source, target, OutputKind.DynamicallyLinkedLibrary, expected, editorConfig);

    /// <summary>With additional files (config files, as the package's MSBuild targets add them) and optional options.</summary>
    public static Task VerifyConfigAsync((string Path, string Content)[] additionalFiles, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new RuleTest()
        {
            TestCode = "class Program { }",
            ReferenceAssemblies = References.Net80,
        };
        foreach (var file in additionalFiles)
        {
            test.TestState.AdditionalFiles.Add(file);
        }

        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return RunAsync(test, null);
    }

    /// <summary>For top-level statements, which need an executable.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
        => Run(source, References.Net80, OutputKind.ConsoleApplication, expected);

    private static Task Run(string source, TestTarget target, OutputKind outputKind, DiagnosticResult[] expected, string? editorConfig = null)
    {
        var test = new RuleTest()
        {
            TestCode = source,
            ReferenceAssemblies = target.Assemblies,
        };
        test.TestState.OutputKind = outputKind;
        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return RunAsync(test, target);
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, References.Net80, expected);

    /// <summary>Several documents in one project (/0/Test0.cs, /0/Test1.cs, ...): what one file declares, another uses.</summary>
    public static Task VerifyAsync(string[] sources, params DiagnosticResult[] expected) => VerifyAsync(sources, References.Net80, expected);

    /// <summary>Several documents, against a chosen target (MailKit's assemblies, an older framework).</summary>
    public static Task VerifyAsync(string[] sources, TestTarget target, params DiagnosticResult[] expected)
    {
        var test = new RuleTest() { ReferenceAssemblies = target.Assemblies };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        return RunAsync(test, target);
    }

    private static async Task RunAsync(RuleTest test, TestTarget? target)
    {
        test.DisabledDiagnostics.AddRange(new TRule().OtherIds());
        (target ?? References.Net80).ApplyTo(test.TestState);
        await References.EnsureResolvedAsync();
        await test.RunAsync();
    }

    /// <summary>The testing library's C# analyzer test, run with the analyzers that report the rule.</summary>
    private sealed class RuleTest : CSharpAnalyzerTest<EmptyDiagnosticAnalyzer, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new TRule().Analyzers();

        /// <summary>Markup without an ID (<c>[|…|]</c>) means the rule under test, whichever family analyzer reports it.</summary>
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Catalogue.Descriptor(new TRule().Id);
    }
}
