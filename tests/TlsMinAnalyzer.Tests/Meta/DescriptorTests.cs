using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Tests.Meta;

public class DescriptorTests
{
    [Fact]
    public void Catalogue_IsNotEmpty_AndEveryDeclaredIdHasAnAnalyzer()
    {
        Assert.NotEmpty(Catalogue.Descriptors);
        Assert.Equal(Catalogue.DeclaredIds, Catalogue.Descriptors.Select(d => d.Id));
    }

    [Fact]
    public void Ids_AreUniqueAndFormatted()
    {
        var all = Catalogue.AnalyzerTypes
            .SelectMany(t => ((DiagnosticAnalyzer)System.Activator.CreateInstance(t)!).SupportedDiagnostics)
            .ToList();
        foreach (var descriptor in all)
        {
            Assert.Matches(new Regex("^TLS[0-9]{3}$"), descriptor.Id);
        }

        // One descriptor per ID: a second analyzer may report an ID only with the very same descriptor.
        foreach (var group in all.GroupBy(d => d.Id))
        {
            Assert.Single(group.Distinct());
        }
    }

    [Theory]
    [MemberData(nameof(Catalogue.DescriptorData), MemberType = typeof(Catalogue))]
    public void Descriptor_FollowsThePolicy(string id)
    {
        var descriptor = Catalogue.Descriptor(id);
        Assert.Equal("Security", descriptor.Category);
        Assert.NotEqual(DiagnosticSeverity.Error, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.Equal(Descriptors.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
        Assert.Contains(descriptor.CustomTags, tag => tag.StartsWith("CWE-", System.StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        Assert.False(descriptor.Title.ToString().EndsWith('.'), "titles end without a period");
        Assert.False(descriptor.MessageFormat.ToString().EndsWith('.'), "messages end without a period");
    }

    [Fact]
    public void Analyzers_AreCSharpAnalyzers()
    {
        foreach (var type in Catalogue.AnalyzerTypes)
        {
            var attribute = type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>().SingleOrDefault();
            Assert.True(attribute != null, type.Name + " lacks [DiagnosticAnalyzer]");
            Assert.Contains(LanguageNames.CSharp, attribute!.Languages);
            Assert.True(type.IsSealed, type.Name + " should be sealed");
        }
    }
}
