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
        foreach (var section in new[] { "## What it finds", "## Why", "## Bad", "## Good", "## Options", "## When to suppress" })
        {
            Assert.Contains(section, lines);
        }

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

    [Fact]
    public void SampleApp_HasACaseForEveryRule()
    {
        var sample = string.Join("\n", Directory.GetFiles(Repository.PathOf("samples", "LegacyMailer"), "*.cs").Select(File.ReadAllText));
        foreach (var descriptor in Catalogue.Descriptors)
        {
            Assert.Contains(descriptor.Id, sample);
        }
    }
}
