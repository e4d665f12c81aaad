using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.VisualBasic;
using TlsMinAnalyzer.Tests.Meta;
using TlsMinAnalyzer.Tests.Robustness;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.VisualBasic;

/// <summary>
/// The same program in C# and in Visual Basic gets the same findings: the same rules, in the same order, with the same
/// message once the code it quotes is read in one language (<c>|</c> and <c>Or</c>, <c>false</c> and <c>False</c>,
/// <c>(T)768</c> and <c>CType(768, T)</c>). The twins are the fix-all corpus files, written member for member.
/// </summary>
public class VisualBasicParityTests
{
    [Theory]
    [InlineData("RealWorldShapes", 11)]
    [InlineData("ModernApp", 21)]
    [InlineData("Negatives", 0)]
    [InlineData("Flow", 8)]
    [InlineData("Certificates", 12)]
    [InlineData("Mail", 9)]
    [InlineData("Protocols", 9)]
    public async Task TwinPrograms_GetTheSameFindings(string name, int expectedFindings)
    {
        var csharp = await AnalyzeCSharpAsync(Read(name + ".cs.txt"));
        var visualBasic = await AnalyzeVisualBasicAsync(Read(name + ".vb.txt"));

        var (expected, actual) = (Comparable(csharp), Comparable(visualBasic));
        Assert.True(expected.SequenceEqual(actual), "C#:\n" + string.Join("\n", expected) + "\n\nVisual Basic:\n" + string.Join("\n", actual));
        Assert.True(expectedFindings == visualBasic.Length, expectedFindings + " findings expected, found:\n" + string.Join("\n", visualBasic.Select(AnalyzerHarness.Describe)));
    }

    [Theory]
    [InlineData("RealWorldShapes")]
    [InlineData("ModernApp")]
    [InlineData("Negatives")]
    [InlineData("Flow")]
    [InlineData("Certificates")]
    [InlineData("Mail")]
    [InlineData("Protocols")]
    public async Task TwinPrograms_TheIdeSeesWhatTheBuildSees(string name)
    {
        var compilation = await CompileVisualBasicAsync(Read(name + ".vb.txt"));
        var (build, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        var ide = await AnalyzerHarness.AnalyzeDocumentAsync(compilation, 0);
        Assert.Equal(AnalyzerHarness.Lines(build), AnalyzerHarness.Lines(ide));
    }

    internal static string Read(string file)
        => File.ReadAllText(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Robustness", "Corpus", file));

    internal static async Task<Compilation> CompileVisualBasicAsync(string source)
    {
        await References.EnsureResolvedAsync();
        var framework = await References.Net80.ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None);
        var compilation = VisualBasicCompilation.Create(
            "Parity",
            new[] { VisualBasicSyntaxTree.ParseText(source, new VisualBasicParseOptions(Microsoft.CodeAnalysis.VisualBasic.LanguageVersion.Latest), "Program.vb") },
            framework.AddRange(References.Net80WithMailKit.Libraries),
            new VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: OptionStrict.On));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return compilation;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeCSharpAsync(string source)
    {
        var compilation = AnalyzerHarness.Compile(new[] { source }, await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit), nullable: NullableContextOptions.Disable);
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        return findings;
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzeVisualBasicAsync(string source)
    {
        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(await CompileVisualBasicAsync(source));
        Assert.Empty(exceptions);
        return findings;
    }

    /// <summary>Each finding as its rule and its message, the quoted code read the same way in both languages.</summary>
    private static List<string> Comparable(ImmutableArray<Diagnostic> findings)
        => findings.Select(d => d.Id + " " + Normalize(d.GetMessage())).ToList();

    private static string Normalize(string message)
    {
        var text = message.ToLowerInvariant();
        text = Regex.Replace(text, @"ctype\((\d+), ([\w.]+)\)", "($2)$1");
        text = Regex.Replace(text, @"\bif\(([^(),]+), ([^(),]+), ([^(),]+)\)", "$1 ? $2 : $3");
        text = text.Replace(" | ", " or ", StringComparison.Ordinal)
            .Replace(":=", ": ", StringComparison.Ordinal)
            .Replace(" = ", " == ", StringComparison.Ordinal)
            .Replace("nothing", "null", StringComparison.Ordinal)
            .Replace(" andalso ", " && ", StringComparison.Ordinal)
            .Replace(" orelse ", " || ", StringComparison.Ordinal)
            .Replace("not ", "!", StringComparison.Ordinal);
        return text;
    }
}
