using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>Hostile config files through the real analysis pipeline (CompilationWithAnalyzers), all analyzers at once.</summary>
public class ConfigPipelineTests
{
    private static readonly (string Path, string Content)[] Hostile =
    {
        ("/p/App.config", "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><configuration><system.net><mailSettings><smtp><network host=\"&x;\" /></smtp></mailSettings></system.net></configuration>"),
        ("/p/Web.config", "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]><configuration><runtime><AppContextSwitchOverrides value=\"&c;\" /></runtime></configuration>"),
        ("/p/web.Debug.config", "<?xml version=\"1.0\"?><!DOCTYPE c SYSTEM \"http://127.0.0.1:1/never.dtd\"><configuration />"),
        ("/p/app.Release.config", "<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\""),
        ("/p/app.Huge.config", "<configuration>" + string.Concat(Enumerable.Repeat("<runtime><AppContextSwitchOverrides value=\"a=b\" /></runtime>", 60000)) + "</configuration>"),
        ("/p/appsettings.json", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [ \"Tls11\" "),
        ("/p/appsettings.Deep.json", string.Concat(Enumerable.Repeat("{\"a\":", 100000)) + "1" + string.Concat(Enumerable.Repeat("}", 100000))),
        ("/p/appsettings.Binary.json", "\u0000\u0001\u0002{\"Kestrel\":\uFFFF}"),
        ("/p/appsettings.Escapes.json", "{ \"Kestrel\": { \"EndpointDefaults\": { \"SslProtocols\": [ \"\\u00\" ] } } }"),
    };

    [Fact]
    public async Task HostileConfigFiles_NeitherThrowNorReport()
    {
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var compilation = AnalyzerHarness.Compile(new[] { "class Program { }" }, references);
        var files = Hostile.Select(f => (AdditionalText)new InMemoryAdditionalText(f.Path, f.Content)).ToImmutableArray();

        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation, additionalFiles: files);

        Assert.Empty(exceptions);
        Assert.Empty(findings);
    }

    [Fact]
    public async Task ConfigFiles_NextToHostileOnes_StillReport()
    {
        // The same pipeline does read config files: a plain finding among the hostile files is reported.
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80);
        var compilation = AnalyzerHarness.Compile(new[] { "class Program { }" }, references);
        var files = Hostile
            .Append(("/q/App.config", "<configuration><system.net><mailSettings><smtp><network host=\"smtp.example.com\" /></smtp></mailSettings></system.net></configuration>"))
            .Select(f => (AdditionalText)new InMemoryAdditionalText(f.Item1, f.Item2))
            .ToImmutableArray();

        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation, additionalFiles: files);

        Assert.Empty(exceptions);
        var finding = Assert.Single(findings);
        Assert.Equal("TLS003", finding.Id);
        Assert.Equal("/q/App.config", finding.Location.GetLineSpan().Path);
    }
}
