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
    public void Ids_AreFormatted_AndDescriptorsSharingAnIdAgree()
    {
        foreach (var descriptor in Catalogue.AllDescriptors)
        {
            Assert.Matches(new Regex("^TLS[0-9]{3}$"), descriptor.Id);
        }

        // One descriptor per ID, except the config-file twin Roslyn needs for compilation-end findings: it must say the same.
        foreach (var group in Catalogue.AllDescriptors.GroupBy(d => d.Id).Where(g => g.Count() > 1))
        {
            Assert.Equal(2, group.Count());
            var code = group.Single(d => !d.CustomTags.Contains("CompilationEnd"));
            var config = group.Single(d => d.CustomTags.Contains("CompilationEnd"));
            Assert.Equal(code.Title.ToString(), config.Title.ToString());
            Assert.Equal(code.MessageFormat.ToString(), config.MessageFormat.ToString());
            Assert.Equal(code.Description.ToString(), config.Description.ToString());
            Assert.Equal(code.Category, config.Category);
            Assert.Equal(code.DefaultSeverity, config.DefaultSeverity);
            Assert.Equal(code.HelpLinkUri, config.HelpLinkUri);
            Assert.Equal(code.CustomTags, config.CustomTags.Where(t => t != "CompilationEnd"));
        }
    }

    [Fact]
    public void CodeDescriptors_AreNotCompilationEnd()
    {
        // A CompilationEnd tag hides a finding from live IDE analysis; code findings must show as you type.
        Assert.All(Catalogue.Descriptors, d => Assert.DoesNotContain("CompilationEnd", d.CustomTags));
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

    /// <summary>
    /// The code analyzer hosts one instance of every rule family the assembly has, so a new family cannot be left out of the
    /// shipped analyzer, and it reports exactly the families' descriptors.
    /// </summary>
    [Fact]
    public void CodeAnalyzer_HostsEveryRuleFamily_AndReportsTheirDescriptors()
    {
        var familyTypes = Catalogue.AnalyzerAssembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(TlsMinAnalyzer.Infrastructure.FamilyAnalyzer).IsAssignableFrom(t))
            .OrderBy(t => t.Name, System.StringComparer.Ordinal)
            .ToList();
        var families = TlsMinAnalyzer.Rules.TlsCodeAnalyzer.AllFamilies();
        Assert.NotEmpty(familyTypes);
        Assert.Equal(familyTypes, families.Select(f => f.GetType()).OrderBy(t => t.Name, System.StringComparer.Ordinal));
        Assert.All(familyTypes, t => Assert.Empty(t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false)));

        var analyzer = new TlsMinAnalyzer.Rules.TlsCodeAnalyzer();
        Assert.Equal(
            families.SelectMany(f => f.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, System.StringComparer.Ordinal),
            analyzer.SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        Assert.Contains(typeof(TlsMinAnalyzer.Rules.TlsCodeAnalyzer), Catalogue.AnalyzerTypes);
        var languages = typeof(TlsMinAnalyzer.Rules.TlsCodeAnalyzer).GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Cast<DiagnosticAnalyzerAttribute>().Single().Languages;
        Assert.Equal(new[] { LanguageNames.CSharp, LanguageNames.VisualBasic }, languages);
    }

    /// <summary>
    /// A family whose every rule the project suppresses (NoWarn) registers nothing, as Roslyn skips an analyzer whose rules
    /// are all suppressed; a family with one rule still on, or only raised or lowered, runs.
    /// </summary>
    [Fact]
    public void CodeAnalyzer_SkipsAFamily_OnlyWhenEveryOneOfItsRulesIsSuppressed()
    {
        var protocols = TlsMinAnalyzer.Rules.TlsCodeAnalyzer.AllFamilies().Single(f => f.SupportedDiagnostics.Any(d => d.Id == "TLS005"));
        Assert.Equal(new[] { "TLS001", "TLS005" }, protocols.SupportedDiagnostics.Select(d => d.Id).OrderBy(id => id, System.StringComparer.Ordinal));
        CompilationOptions With(params (string Id, ReportDiagnostic Report)[] rules)
            => new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithSpecificDiagnosticOptions(rules.Select(r => new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>(r.Id, r.Report)));

        Assert.False(TlsMinAnalyzer.Rules.TlsCodeAnalyzer.IsTurnedOff(protocols, With()));
        Assert.False(TlsMinAnalyzer.Rules.TlsCodeAnalyzer.IsTurnedOff(protocols, With(("TLS005", ReportDiagnostic.Suppress))));
        Assert.False(TlsMinAnalyzer.Rules.TlsCodeAnalyzer.IsTurnedOff(protocols, With(("TLS001", ReportDiagnostic.Suppress), ("TLS005", ReportDiagnostic.Hidden))));
        Assert.False(TlsMinAnalyzer.Rules.TlsCodeAnalyzer.IsTurnedOff(protocols, With(("TLS001", ReportDiagnostic.Error), ("TLS005", ReportDiagnostic.Suppress))));
        Assert.True(TlsMinAnalyzer.Rules.TlsCodeAnalyzer.IsTurnedOff(protocols, With(("TLS001", ReportDiagnostic.Suppress), ("TLS005", ReportDiagnostic.Suppress))));
    }
}
