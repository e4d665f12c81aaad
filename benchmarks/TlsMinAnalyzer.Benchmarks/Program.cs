using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Benchmarks;

/// <summary>
/// Times TlsMinAnalyzer's analyzers and Microsoft's NetAnalyzers TLS rules on the same generated compilations, with
/// Roslyn's own per-analyzer telemetry, and prints one table (also written as JSON).
/// Usage: dotnet run -c Release --project benchmarks/TlsMinAnalyzer.Benchmarks [-- --sizes 10000,100000,500000 --runs 5 --out file.json]
/// Real code: ... -- --src DIR [--src DIR …] [--ref DIR …] [--runs 3] [--warmup 1] [--ide-docs 25] [--findings] [--out file.json] (see <see cref="RealCode"/>).
/// </summary>
internal static class Program
{
    /// <summary>Microsoft's TLS-related rules the comparison runs (only the analyzers that support them are loaded).</summary>
    private static readonly ImmutableHashSet<string> TheirRules = ImmutableHashSet.Create(
        "CA5359", "CA5361", "CA5364", "CA5378", "CA5386", "CA5397", "CA5398", "CA5399", "CA5400");

    private static async Task<int> Main(string[] args)
    {
        var ours = OurAnalyzers();
        var theirs = LoadNetAnalyzers();
        Console.WriteLine($"TlsMinAnalyzer: {ours.Length} analyzers. NetAnalyzers {Metadata("NetAnalyzersPackage").Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Last()}: {theirs.Length} analyzers supporting {string.Join(", ", TheirRules.OrderBy(r => r, StringComparer.Ordinal))}.");
        if (Options(args, "--src").Count > 0)
        {
            return await RealCode.RunAsync(args, ours, theirs, TheirRules);
        }

        var sizes = Option(args, "--sizes", "10000,100000,500000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var runs = int.Parse(Option(args, "--runs", "5"), CultureInfo.InvariantCulture);
        var output = Option(args, "--out", "benchmark-results.json");

        Console.WriteLine($"Runtime {Environment.Version}, {Environment.ProcessorCount} cores, {runs} alternating runs per measurement (median), sequential analysis.");
        Console.WriteLine();

        var allReferences = References(includeNetworking: true);

        // Warm-up: JIT and Roslyn's caches, so the first measured size is not charged for them.
        await MeasureAsync("warm-up", 5000, Workload.Generate(5000, withNetworking: true), allReferences, ours, theirs, 1, quiet: true);

        var results = new List<Result>();
        foreach (var size in sizes)
        {
            results.Add(await MeasureAsync("mixed", size, Workload.Generate(size, withNetworking: true), allReferences, ours, theirs, runs));
        }

        var baseline = sizes.Contains(100000) ? 100000 : sizes.Max();
        results.Add(await MeasureAsync("no networking types", baseline, Workload.Generate(baseline, withNetworking: false), References(includeNetworking: false), ours, theirs, runs));

        PrintTable(results);
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine();
        Console.WriteLine("Written to " + Path.GetFullPath(output));
        return 0;
    }

    private static async Task<Result> MeasureAsync(string workload, int size, List<string> files, ImmutableArray<MetadataReference> references, ImmutableArray<DiagnosticAnalyzer> ours, ImmutableArray<DiagnosticAnalyzer> theirs, int runs, bool quiet = false)
    {
        var lines = files.Sum(Workload.CountLines);
        var trees = files.Select((text, i) => CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest), "File" + i + ".cs")).ToList();
        var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
            .WithSpecificDiagnosticOptions(TheirRules.ToDictionary(id => id, _ => ReportDiagnostic.Warn));
        var compilation = CSharpCompilation.Create("Workload", trees, references, options);
        var bind = Stopwatch.StartNew();
        var compilerErrors = compilation.GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
        bind.Stop();

        // Ours and theirs alternate run by run, each after a full GC, so that machine noise hits both alike; medians are kept.
        var ourRuns = new List<(double, Dictionary<string, double>, int)>();
        var theirRuns = new List<(double, Dictionary<string, double>, int)>();
        for (var run = 0; run < runs; run++)
        {
            Collect();
            var ourRun = await TimeAsync(compilation, ours);
            ourRuns.Add((ourRun.Milliseconds, ourRun.PerAnalyzer, CountFindings(ourRun.Found)));
            Collect();
            var theirRun = await TimeAsync(compilation, theirs);
            theirRuns.Add((theirRun.Milliseconds, theirRun.PerAnalyzer, CountFindings(theirRun.Found)));
        }

        var ourTime = Median(ourRuns.Select(r => r.Item1).ToList());
        var theirTime = Median(theirRuns.Select(r => r.Item1).ToList());
        var ourPerAnalyzer = ourRuns[0].Item2.Keys.ToDictionary(k => k, k => Median(ourRuns.Select(r => r.Item2[k]).ToList()));
        var ourFindings = ourRuns[0].Item3;
        var theirFindings = theirRuns[0].Item3;
        var result = new Result(workload, lines, files.Count, compilerErrors, bind.Elapsed.TotalMilliseconds, ourTime, theirTime, ourFindings, theirFindings, ourPerAnalyzer);
        if (!quiet)
        {
            Console.WriteLine($"  measured {workload} {lines:N0} lines: ours {ourTime:F1} ms, NetAnalyzers TLS {theirTime:F1} ms");
        }

        return result;
    }

    /// <summary>Our analyzers, one instance each, in name order.</summary>
    private static ImmutableArray<DiagnosticAnalyzer> OurAnalyzers()
        => typeof(DiagnosticIds).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    internal static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
    }

    private static int CountFindings(ImmutableArray<Diagnostic> found)
        => found.Count(d => d.Id.StartsWith("TLS", StringComparison.Ordinal) || TheirRules.Contains(d.Id));

    /// <summary>One run: the analyzers' summed execution time as Roslyn's telemetry reports it, per analyzer, and the findings.</summary>
    internal static async Task<(double Milliseconds, Dictionary<string, double> PerAnalyzer, ImmutableArray<Diagnostic> Found)> TimeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        var total = 0.0;
        var perAnalyzer = new Dictionary<string, double>();
        foreach (var analyzer in analyzers)
        {
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            var ms = telemetry.ExecutionTime.TotalMilliseconds;
            total += ms;
            var name = analyzer.GetType().Name;
            perAnalyzer[name] = perAnalyzer.TryGetValue(name, out var existing) ? existing + ms : ms;
        }

        return (total, perAnalyzer, diagnostics);
    }

    /// <summary>"0.63", or "n/a" when theirs took no time.</summary>
    internal static string Ratio(double ours, double theirs)
        => theirs > 0 ? (ours / theirs).ToString("F2", CultureInfo.InvariantCulture) : "n/a";

    /// <summary>Per-analyzer times, slowest first.</summary>
    internal static void PrintPerAnalyzer(string title, IEnumerable<KeyValuePair<string, double>> times)
    {
        Console.WriteLine();
        Console.WriteLine("Per analyzer, " + title + " (ms):");
        foreach (var (name, ms) in times.OrderByDescending(p => p.Value))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-50} {ms,8:F1}"));
        }
    }

    private static void PrintTable(List<Result> results)
    {
        Console.WriteLine();
        Console.WriteLine("| workload | lines | files | ours (ms) | ours per 100k lines (ms) | NetAnalyzers TLS (ms) | ratio ours/theirs | our findings | their findings |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            var ratio = Ratio(r.OurMilliseconds, r.TheirMilliseconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Workload} | {r.Lines:N0} | {r.Files} | {r.OurMilliseconds:F1} | {r.OurPer100kLines:F1} | {r.TheirMilliseconds:F1} | {ratio} | {r.OurFindings} | {r.TheirFindings} |"));
        }

        foreach (var shown in new[] { results.Where(r => r.Workload == "mixed").OrderBy(r => r.Lines).Last(), results.Last() })
        {
            PrintPerAnalyzer(string.Create(CultureInfo.InvariantCulture, $"{shown.Workload} workload of {shown.Lines:N0} lines"), shown.OurPerAnalyzer);
        }

        var mixed = results.Where(r => r.Workload == "mixed").OrderBy(r => r.Lines).ToList();
        if (mixed.Count > 1)
        {
            Console.WriteLine();
            Console.WriteLine("Growth (ms per 100k lines should stay flat if the cost is linear): "
                + string.Join(" -> ", mixed.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Lines / 1000}k: {r.OurPer100kLines:F1}"))));
        }
    }

    private static ImmutableArray<DiagnosticAnalyzer> LoadNetAnalyzers()
    {
        var folder = Path.Combine(Metadata("NetAnalyzersPackage"), "analyzers", "dotnet", "cs");
        var loader = new Loader();
        var analyzers = new List<DiagnosticAnalyzer>();
        foreach (var path in new[] { Path.Combine(folder, "Microsoft.CodeAnalysis.NetAnalyzers.dll"), Path.Combine(folder, "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll") })
        {
            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) => Console.Error.WriteLine("NetAnalyzers load failure: " + e.Message);
            analyzers.AddRange(reference.GetAnalyzers(LanguageNames.CSharp).Where(a => a.SupportedDiagnostics.Any(d => TheirRules.Contains(d.Id))));
        }

        if (analyzers.Count == 0)
        {
            throw new InvalidOperationException("No NetAnalyzers analyzer supporting the TLS rules was loaded from " + folder);
        }

        return analyzers.ToImmutableArray();
    }

    /// <summary>The running runtime's assemblies (and MailKit), or, for the no-networking workload, the same without System.Net.*.</summary>
    private static ImmutableArray<MetadataReference> References(bool includeNetworking)
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => p.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Where(p => !Path.GetFileName(p).StartsWith("TlsMinAnalyzer", StringComparison.Ordinal) && !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
            .Where(p => includeNetworking || !Path.GetFileName(p).StartsWith("System.Net", StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (includeNetworking)
        {
            paths.Add(Path.Combine(Metadata("MailKitPackage"), "lib", "net8.0", "MailKit.dll"));
            paths.Add(Path.Combine(Metadata("MimeKitPackage"), "lib", "net8.0", "MimeKit.dll"));
        }

        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    }

    private static string Metadata(string key)
        => typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    internal static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    /// <summary>Every value of a repeatable option (<c>--src a --src b</c>).</summary>
    internal static List<string> Options(string[] args, string name)
    {
        var values = new List<string>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] == name)
            {
                values.Add(args[i + 1]);
            }
        }

        return values;
    }

    internal static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}

internal sealed record Result(
    string Workload,
    int Lines,
    int Files,
    int CompilerErrors,
    double BindMilliseconds,
    double OurMilliseconds,
    double TheirMilliseconds,
    int OurFindings,
    int TheirFindings,
    Dictionary<string, double> OurPerAnalyzer)
{
    public double OurPer100kLines => OurMilliseconds * 100000.0 / Lines;
}
