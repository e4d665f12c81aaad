using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace TlsMinAnalyzer.Tests.Meta;

/// <summary>Keeps the docs honest: every rule has its page, README row and release entry, all agreeing with the descriptor.</summary>
public class DocumentationTests
{
    [Theory]
    [MemberData(nameof(Catalogue.DescriptorData), MemberType = typeof(Catalogue))]
    public void RulePage_ExistsWithMatchingHeadingAndSections(string id)
    {
        var descriptor = Catalogue.Descriptor(id);
        var relative = descriptor.HelpLinkUri.Substring(Descriptors.HelpLinkBase.Length);
        var path = Repository.PathOf("docs", "rules", relative);
        Assert.True(File.Exists(path), "missing " + path);

        var lines = File.ReadAllLines(path);
        Assert.Equal("# " + id + ": " + descriptor.Title, lines[0]);
        foreach (var section in new[] { "## What it finds", "## Why", "## Bad", "## Good", "### Visual Basic", "## Options", "## When to suppress" })
        {
            Assert.Contains(section, lines);
        }

        // Both languages are shown: a C# example and a Visual Basic one.
        Assert.Contains("```csharp", lines);
        Assert.Contains("```vb", lines);

        Assert.Contains("| Default severity | " + descriptor.DefaultSeverity + " |", lines);
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorData), MemberType = typeof(Catalogue))]
    public void ReadmeRow_ExistsAndMatches(string id)
    {
        var descriptor = Catalogue.Descriptor(id);
        var row = Repository.Read("README.md").Split('\n').SingleOrDefault(l => l.StartsWith("| [" + id + "](docs/rules/" + id + ".md) |", System.StringComparison.Ordinal));
        Assert.True(row != null, "README has no rule row for " + id);
        var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Title.ToString(), cells[2]);
        Assert.Equal(descriptor.Category, cells[3]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[4]);
        var hasFixer = Catalogue.CodeFixTypes.Any(t => ((Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider)System.Activator.CreateInstance(t)!).FixableDiagnosticIds.Contains(id));
        Assert.Equal(hasFixer ? "Yes" : "No", cells[5]);
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorData), MemberType = typeof(Catalogue))]
    public void ReleaseTracking_HasTheRule(string id)
    {
        var descriptor = Catalogue.Descriptor(id);
        var entries = (Repository.Read("AnalyzerReleases.Shipped.md") + "\n" + Repository.Read("AnalyzerReleases.Unshipped.md"))
            .Split('\n')
            .Where(l => Regex.IsMatch(l, "^" + id + @"\s*\|"))
            .ToList();
        var entry = Assert.Single(entries);
        var cells = entry.Split('|').Select(c => c.Trim()).ToArray();
        Assert.Equal(descriptor.Category, cells[1]);
        Assert.Equal(descriptor.DefaultSeverity.ToString(), cells[2]);
    }

    [Theory]
    [InlineData("LegacyMailer", "*.cs")]
    [InlineData("LegacyMailerVB", "*.vb")]
    public void SampleApp_HasACaseForEveryRule(string sampleFolder, string pattern)
    {
        var sample = string.Join("\n", Directory.GetFiles(Repository.PathOf("samples", sampleFolder), pattern).Select(File.ReadAllText));
        foreach (var descriptor in Catalogue.Descriptors)
        {
            Assert.Contains(descriptor.Id, sample);
        }
    }

    /// <summary>The samples do what the README says: analyzed with their config files, every rule fires in each.</summary>
    [Theory]
    [InlineData("LegacyMailer")]
    [InlineData("LegacyMailerVB")]
    public async System.Threading.Tasks.Task SampleApp_ReportsEveryRule(string sampleFolder)
    {
        var folder = Repository.PathOf("samples", sampleFolder);
        var visualBasic = sampleFolder.EndsWith("VB", System.StringComparison.Ordinal);
        await Verifiers.References.EnsureResolvedAsync();
        var framework = await Verifiers.References.Net48.AddAssemblies(ImmutableArray.Create("Microsoft.VisualBasic"))
            .ResolveAsync(visualBasic ? Microsoft.CodeAnalysis.LanguageNames.VisualBasic : Microsoft.CodeAnalysis.LanguageNames.CSharp, System.Threading.CancellationToken.None);
        var references = framework.AddRange(Verifiers.References.Net48WithMailKit.Libraries);
        var sources = Directory.GetFiles(folder, visualBasic ? "*.vb" : "*.cs");
        Microsoft.CodeAnalysis.Compilation compilation = visualBasic
            ? Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilation.Create(
                sampleFolder,
                sources.Select(f => Microsoft.CodeAnalysis.VisualBasic.VisualBasicSyntaxTree.ParseText(File.ReadAllText(f), path: f)),
                references,
                new Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilationOptions(
                    Microsoft.CodeAnalysis.OutputKind.ConsoleApplication,
                    // The imports an SDK-style VB project gets without asking, and the sample's own settings.
                    globalImports: Microsoft.CodeAnalysis.VisualBasic.GlobalImport.Parse("Microsoft.VisualBasic", "System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"),
                    optionStrict: Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off))
            : Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                sampleFolder,
                sources.Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(File.ReadAllText(f), new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3), path: f)),
                references,
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.ConsoleApplication));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));

        var configFiles = Directory.GetFiles(folder, "*.config").Concat(Directory.GetFiles(folder, "appsettings*.json"))
            .Select(f => (Microsoft.CodeAnalysis.AdditionalText)new Robustness.InMemoryAdditionalText(f, File.ReadAllText(f)))
            .ToImmutableArray();
        var (findings, exceptions) = await Robustness.AnalyzerHarness.AnalyzeAsync(compilation, additionalFiles: configFiles);
        Assert.Empty(exceptions);
        foreach (var descriptor in Catalogue.Descriptors)
        {
            Assert.Contains(findings, f => f.Id == descriptor.Id);
        }
    }
}
