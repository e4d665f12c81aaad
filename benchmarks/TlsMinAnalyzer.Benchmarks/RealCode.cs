using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TlsMinAnalyzer.Benchmarks;

/// <summary>
/// The real-code mode: every <c>*.cs</c> file under each <c>--src</c> folder (tests, <c>bin</c> and <c>obj</c> left out) in
/// one C# compilation against the .NET and ASP.NET Core shared frameworks plus every DLL under the <c>--ref</c> folders, then
/// (1) the whole compilation analyzed by ours and NetAnalyzers' TLS rules, interleaved, per-analyzer times from Roslyn's
/// telemetry; (2) the IDE figure: one document edited and re-analyzed alone in a fresh compilation, median over the
/// documents that use TLS, certificate or mail types. <c>--warmup N</c> rounds (default 1) precede the measured runs.
/// </summary>
internal static class RealCode
{
    /// <summary>Words that mark a document as one the rules care about (what an IDE user edits when TLS code changes).</summary>
    private static readonly string[] TlsWords =
    {
        "SslProtocols", "SecurityProtocolType", "SslStream", "RemoteCertificateValidationCallback", "ServerCertificateCustomValidationCallback",
        "ServerCertificateValidationCallback", "X509RevocationMode", "CheckCertificateRevocation", "SslPolicyErrors", "EncryptionPolicy",
        "SmtpClient", "ImapClient", "Pop3Client", "SecureSocketOptions", "SslClientAuthenticationOptions", "SslServerAuthenticationOptions",
        "AppContext.SetSwitch",
    };

    /// <summary>Implicit usings of an SDK-style project (<c>ImplicitUsings</c>), which most modern code bases rely on.</summary>
    private const string ImplicitUsings =
        "global using global::System;\nglobal using global::System.Collections.Generic;\nglobal using global::System.IO;\nglobal using global::System.Linq;\n"
        + "global using global::System.Net.Http;\nglobal using global::System.Threading;\nglobal using global::System.Threading.Tasks;\n";

    /// <summary>The symbols a net8.0+ build defines, so that <c>#if NET…</c> code is the code a current build compiles.</summary>
    private static readonly string[] PreprocessorSymbols =
    {
        "NET", "NETCOREAPP", "NET8_0", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER",
        "NETCOREAPP3_1_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER", "NETSTANDARD2_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "RELEASE",
    };

    public static async Task<int> RunAsync(string[] args, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> theirs, ImmutableHashSet<string> theirRules)
    {
        var sources = Program.Options(args, "--src");
        var referenceFolders = Program.Options(args, "--ref");
        var runs = int.Parse(Program.Option(args, "--runs", "3"), CultureInfo.InvariantCulture);
        var warmups = int.Parse(Program.Option(args, "--warmup", "1"), CultureInfo.InvariantCulture);
        var ideDocuments = int.Parse(Program.Option(args, "--ide-docs", "25"), CultureInfo.InvariantCulture);
        var output = Program.Option(args, "--out", "benchmark-realcode.json");
        var listFindings = args.Contains("--findings");

        var references = FrameworkReferences().Concat(referenceFolders.SelectMany(ReferencesUnder)).ToImmutableArray();
        var results = new List<RealCodeResult>();
        foreach (var source in sources)
        {
            var files = SourceFiles(source);
            var parse = new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: PreprocessorSymbols);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(f)), parse, f)).ToList();
            trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, parse, Path.Combine(source, "obj", "ImplicitUsings.g.cs")));
            var lines = trees.Sum(t => t.GetText().Lines.Count);
            var compilation = CSharpCompilation.Create(
                Path.GetFileName(Path.GetFullPath(source).TrimEnd(Path.DirectorySeparatorChar)),
                trees,
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(theirRules.ToDictionary(id => id, _ => ReportDiagnostic.Warn)));
            var errors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
            Console.WriteLine($"{source}: {files.Count} files, {lines:N0} lines, {errors} compiler errors (unresolved package types bind as errors and are skipped by both tools alike)");

            // Warm-up rounds on this compilation (JIT, Roslyn's lazily built caches), then alternating measured runs. One round
            // (the default) measures a fresh process's first analyses, while the runtime is still compiling Roslyn (IL-only
            // from NuGet here, unlike the SDK's ReadyToRun compiler) and both tools' code. Per-run times stopped falling after a
            // dozen or so rounds on MailKit: about twenty measure the steady state a long-running compiler server or IDE
            // works in. --warmup 0 times the very first analysis, JIT included.
            for (var warmup = 0; warmup < warmups; warmup++)
            {
                await Program.TimeAsync(compilation, ours);
                await Program.TimeAsync(compilation, theirs);
            }

            var ourRuns = new List<(double Ms, Dictionary<string, double> Per, ImmutableArray<Diagnostic> Found)>();
            var theirRuns = new List<(double Ms, Dictionary<string, double> Per, ImmutableArray<Diagnostic> Found)>();
            for (var run = 0; run < runs; run++)
            {
                Program.Collect();
                ourRuns.Add(await Program.TimeAsync(compilation, ours));
                Program.Collect();
                theirRuns.Add(await Program.TimeAsync(compilation, theirs));
            }

            var ide = await MeasureIdeAsync(compilation, ours, theirs, ideDocuments);
            var ourFindings = ourRuns[0].Found.Where(d => d.Id.StartsWith("TLS", StringComparison.Ordinal)).ToList();
            var theirFindings = theirRuns[0].Found.Where(d => theirRules.Contains(d.Id)).ToList();
            var result = new RealCodeResult(
                compilation.AssemblyName!,
                lines,
                files.Count,
                errors,
                Program.Median(ourRuns.Select(r => r.Ms).ToList()),
                Program.Median(theirRuns.Select(r => r.Ms).ToList()),
                ourRuns.Min(r => r.Ms),
                theirRuns.Min(r => r.Ms),
                ide.Documents,
                ide.Ours,
                ide.Theirs,
                ourFindings.Select(d => Describe(d, source)).ToList(),
                theirFindings.Select(d => Describe(d, source)).ToList(),
                ourRuns[0].Per.Keys.ToDictionary(k => k, k => Program.Median(ourRuns.Select(r => r.Per[k]).ToList())),
                theirRuns[0].Per.Keys.ToDictionary(k => k, k => Program.Median(theirRuns.Select(r => r.Per[k]).ToList())));
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  whole compilation: ours {result.OurMilliseconds:F1} ms (best {result.OurBestMilliseconds:F1}), NetAnalyzers TLS {result.TheirMilliseconds:F1} ms (best {result.TheirBestMilliseconds:F1}); IDE (median over {ide.Documents} documents): ours {ide.Ours:F1} ms, theirs {ide.Theirs:F1} ms"));
            if (listFindings)
            {
                foreach (var finding in result.OurFindings.Concat(result.TheirFindings))
                {
                    Console.WriteLine("    " + finding);
                }
            }
        }

        Print(results);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine();
        Console.WriteLine("Written to " + Path.GetFullPath(output));
        return 0;
    }

    /// <summary>
    /// The IDE figure. For each chosen document: a fresh compilation with that tree edited (a comment appended), then only that
    /// document's semantic analysis, as the IDE does after a keystroke; best of three per document, median over documents. Compilation-start work is paid every time, and per-type
    /// (symbol start/end) analysis pulls in the type's other partial files, both as in the IDE.
    /// </summary>
    private static async Task<(int Documents, double Ours, double Theirs)> MeasureIdeAsync(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> theirs, int maximum)
    {
        var relevant = compilation.SyntaxTrees
            .Where(t => { var text = t.GetText().ToString(); return TlsWords.Any(w => text.Contains(w, StringComparison.Ordinal)); })
            .OrderBy(t => t.FilePath, StringComparer.Ordinal)
            .ToList();
        if (relevant.Count > maximum)
        {
            // Evenly spaced over the sorted list: deterministic, and not just the first folder.
            relevant = Enumerable.Range(0, maximum).Select(i => relevant[i * relevant.Count / maximum]).ToList();
        }

        var ourTimes = new List<double>();
        var theirTimes = new List<double>();
        foreach (var tree in relevant)
        {
            // Best of three per document, alternating: a collection or a scheduler hiccup only ever adds time.
            var our = double.MaxValue;
            var their = double.MaxValue;
            for (var repeat = 0; repeat < 3; repeat++)
            {
                our = Math.Min(our, await DocumentAsync(compilation, tree, ours));
                their = Math.Min(their, await DocumentAsync(compilation, tree, theirs));
            }

            ourTimes.Add(our);
            theirTimes.Add(their);
        }

        return (relevant.Count, Program.Median(ourTimes), Program.Median(theirTimes));
    }

    private static async Task<double> DocumentAsync(CSharpCompilation compilation, SyntaxTree tree, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var text = tree.GetText();
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "\n// edited\n")));
        var fresh = compilation.ReplaceSyntaxTree(tree, edited);
        var withAnalyzers = fresh.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None);
        await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(fresh.GetSemanticModel(edited), null, CancellationToken.None);
        var total = 0.0;
        foreach (var analyzer in analyzers)
        {
            total += (await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None)).ExecutionTime.TotalMilliseconds;
        }

        return total;
    }

    private static void Print(List<RealCodeResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| code base | lines | TlsMinAnalyzer (ms), median / best | NetAnalyzers TLS rules (ms), median / best | ratio, median / best | IDE, one document: ours (ms) | theirs (ms) | our findings | their findings |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = Program.Ratio(r.OurMilliseconds, r.TheirMilliseconds) + " / " + Program.Ratio(r.OurBestMilliseconds, r.TheirBestMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Lines:N0} | {r.OurMilliseconds:F1} / {r.OurBestMilliseconds:F1} | {r.TheirMilliseconds:F1} / {r.TheirBestMilliseconds:F1} | {ratio} | {r.IdeOurs:F1} | {r.IdeTheirs:F1} | {r.OurFindings.Count} | {r.TheirFindings.Count} |"));
        }

        foreach (var r in results)
        {
            Program.PrintPerAnalyzer(r.Name, r.OurPerAnalyzer.Concat(r.TheirPerAnalyzer));
        }
    }

    private static string Describe(Diagnostic diagnostic, string root)
    {
        var span = diagnostic.Location.GetLineSpan();
        var path = span.Path.StartsWith(root, StringComparison.Ordinal) ? Path.GetRelativePath(root, span.Path) : span.Path;
        return string.Create(CultureInfo.InvariantCulture, $"{path}({span.StartLinePosition.Line + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    /// <summary>The project's C# sources: no test projects (a folder named test(s) or ending in .Test(s)/UnitTest(s)), no bin/obj.</summary>
    private static List<string> SourceFiles(string root)
        => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(path => !Path.GetRelativePath(root, path).Split(Path.DirectorySeparatorChar).SkipLast(1).Any(IsExcludedFolder))
            .OrderBy(path => path, StringComparer.Ordinal)
            .ToList();

    private static bool IsExcludedFolder(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower is "bin" or "obj" or "test" or "tests" or "unittest" or "unittests"
               || lower.EndsWith(".test", StringComparison.Ordinal) || lower.EndsWith(".tests", StringComparison.Ordinal)
               || lower.EndsWith("unittests", StringComparison.Ordinal) || lower.EndsWith("unittest", StringComparison.Ordinal)
               || lower.EndsWith("integrationtest", StringComparison.Ordinal) || lower.EndsWith("integrationtests", StringComparison.Ordinal);
    }

    /// <summary>The running .NET and ASP.NET Core shared frameworks: what a net10.0 web project compiles against.</summary>
    private static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var netCore = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var aspNetCore = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(netCore)!)!, "Microsoft.AspNetCore.App", Path.GetFileName(netCore));
        return new[] { netCore, aspNetCore }.Where(Directory.Exists).SelectMany(ReferencesUnder);
    }

    private static IEnumerable<MetadataReference> ReferencesUnder(string folder)
        => Directory.EnumerateFiles(folder, "*.dll", SearchOption.AllDirectories)
            .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) && IsManagedAssembly(p))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => (MetadataReference)MetadataReference.CreateFromFile(g.First()));

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            using var reader = new System.Reflection.PortableExecutable.PEReader(stream);
            return reader.HasMetadata && reader.GetMetadataReader().IsAssembly;
        }
        catch (BadImageFormatException)
        {
            return false; // a native library in the shared framework folder: not a reference
        }
    }
}

internal sealed record RealCodeResult(
    string Name,
    int Lines,
    int Files,
    int CompilerErrors,
    double OurMilliseconds,
    double TheirMilliseconds,
    double OurBestMilliseconds,
    double TheirBestMilliseconds,
    int IdeDocuments,
    double IdeOurs,
    double IdeTheirs,
    List<string> OurFindings,
    List<string> TheirFindings,
    Dictionary<string, double> OurPerAnalyzer,
    Dictionary<string, double> TheirPerAnalyzer);
