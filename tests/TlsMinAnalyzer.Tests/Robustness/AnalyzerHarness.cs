using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Tests.Meta;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>Runs every analyzer of the package over a compilation and collects findings and analyzer exceptions.</summary>
internal static class AnalyzerHarness
{
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = Catalogue.AnalyzerTypes
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static async Task<ImmutableArray<MetadataReference>> ReferencesAsync(TestTarget target)
    {
        await References.EnsureResolvedAsync();
        var framework = await target.Assemblies.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        return framework.AddRange(target.Libraries);
    }

    public static CSharpCompilation Compile(IEnumerable<string> sources, ImmutableArray<MetadataReference> references, CSharpParseOptions? options = null, NullableContextOptions nullable = NullableContextOptions.Enable)
        => CSharpCompilation.Create(
            "Robustness",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, options ?? CSharpParseOptions.Default, "File" + i + ".cs")),
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: nullable));

    /// <summary>The findings of our analyzers, and every exception any of them threw (reported, never swallowed).</summary>
    public static async Task<(ImmutableArray<Diagnostic> Findings, IReadOnlyList<string> Exceptions)> AnalyzeAsync(Compilation compilation, bool concurrent = true, ImmutableArray<AdditionalText> additionalFiles = default)
    {
        var exceptions = new ConcurrentQueue<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(additionalFiles.IsDefault ? ImmutableArray<AdditionalText>.Empty : additionalFiles),
            (exception, analyzer, diagnostic) => exceptions.Enqueue(analyzer.GetType().Name + ": " + exception),
            concurrentAnalysis: concurrent,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers, options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
        {
            exceptions.Enqueue(diagnostic.ToString());
        }

        var findings = diagnostics.Where(d => d.Id.StartsWith("TLS", StringComparison.Ordinal))
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
        return (findings, exceptions.ToList());
    }

    /// <summary>
    /// The findings of one document as the IDE computes them: only that document's semantic analysis is requested, the
    /// other files are in the compilation but not analyzed.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> AnalyzeDocumentAsync(Compilation compilation, int document)
    {
        var tree = compilation.SyntaxTrees.ElementAt(document);
        var withAnalyzers = compilation.WithAnalyzers(AllAnalyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), filterSpan: null, CancellationToken.None);
        return diagnostics.Where(d => d.Id.StartsWith("TLS", StringComparison.Ordinal) || d.Id == "AD0001")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .ToImmutableArray();
    }

    public static string Describe(Diagnostic diagnostic)
        => diagnostic.Id + "@" + diagnostic.Location.SourceTree?.FilePath + ":" + diagnostic.Location.SourceSpan + " " + diagnostic.GetMessage();

    /// <summary>The findings as comparable lines.</summary>
    public static IReadOnlyList<string> Lines(ImmutableArray<Diagnostic> findings) => findings.Select(Describe).ToList();
}

/// <summary>An in-memory additional file, as the compiler hands config files to analyzers.</summary>
internal sealed class InMemoryAdditionalText : AdditionalText
{
    private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

    public InMemoryAdditionalText(string path, string content)
    {
        Path = path;
        _text = Microsoft.CodeAnalysis.Text.SourceText.From(content);
    }

    public override string Path { get; }

    public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default) => _text;
}
