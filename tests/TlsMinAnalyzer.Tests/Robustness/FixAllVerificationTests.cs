using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using TlsMinAnalyzer.Tests.Meta;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>
/// Every code fix, applied with Fix All (solution scope) to the whole sample app and to a modern corpus: the result compiles
/// with no errors and no new compiler warnings, has no finding left that the same fix could fix, and a second run changes
/// nothing.
/// </summary>
public class FixAllVerificationTests
{
    public static IEnumerable<object[]> FixKeys()
        => Catalogue.CodeFixTypes.SelectMany(type => type
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name.EndsWith("Key", StringComparison.Ordinal))
            .Select(f => new object[] { type.Name, (string)f.GetRawConstantValue()! }));

    /// <summary>The corpus programs written in both languages (the VB parity test compares their findings).</summary>
    private static readonly string[] Twins = { "Flow", "Certificates", "Mail", "Protocols" };

    [Theory]
    [MemberData(nameof(FixKeys))]
    public async Task FixAll_CompilesCleanLeavesNothingToFixAndIsStable(string fixerName, string equivalenceKey)
    {
        var fixer = (CodeFixProvider)Activator.CreateInstance(Catalogue.CodeFixTypes.Single(t => t.Name == fixerName))!;
        var applied = 0;

        var sample = await CreateSolutionAsync(
            Corpus.SampleFiles.Select(f => (f.Name, f.Text)),
            References.Net48WithMailKit,
            LanguageVersion.CSharp7_3);
        applied += await VerifyAsync(sample, fixer, equivalenceKey);

        var modern = await CreateSolutionAsync(
            new[] { ("ModernApp.cs", File.ReadAllText(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Robustness", "Corpus", "ModernApp.cs.txt"))) },
            References.Net80WithMailKit,
            LanguageVersion.Latest);
        applied += await VerifyAsync(modern, fixer, equivalenceKey);

        applied += await VerifyAsync(await RealWorldAsync(), fixer, equivalenceKey);
        foreach (var twin in Twins)
        {
            applied += await VerifyAsync(await CreateSolutionAsync(new[] { (twin + ".cs", File.ReadAllText(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Robustness", "Corpus", twin + ".cs.txt"))) }, References.Net80WithMailKit, LanguageVersion.Latest), fixer, equivalenceKey);
        }

        // The Visual Basic sample and the VB twins of the corpus: the same fixes, built language-neutrally, must compile and
        // settle the same way.
        var appliedInVisualBasic = await VerifyAsync(await VisualBasicSampleAsync(), fixer, equivalenceKey);
        appliedInVisualBasic += await VerifyAsync(await VisualBasicCorpusAsync("ModernApp.vb.txt"), fixer, equivalenceKey);
        appliedInVisualBasic += await VerifyAsync(await VisualBasicCorpusAsync("RealWorldShapes.vb.txt"), fixer, equivalenceKey);
        foreach (var twin in Twins)
        {
            appliedInVisualBasic += await VerifyAsync(await VisualBasicCorpusAsync(twin + ".vb.txt"), fixer, equivalenceKey);
        }

        Assert.True(applied > 0, equivalenceKey + " was never offered on the C# sample app or corpus: add a case that it fixes");
        Assert.True(appliedInVisualBasic > 0, equivalenceKey + " was never offered on the VB sample or corpus: every fix exists in both languages");
    }

    /// <summary>Every fixer's first action applied with Fix All, one fixer after another; the fixed text, which must compile.</summary>
    private static async Task<string> FirstActionsAsync(Solution solution)
    {
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            var project = solution.Projects.Single();
            var diagnostics = await AnalyzerDiagnosticsAsync(project, fixer.FixableDiagnosticIds);
            var firstKeys = new List<(string Key, Diagnostic Diagnostic)>();
            foreach (var diagnostic in diagnostics)
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(project.GetDocument(diagnostic.Location.SourceTree)!, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                if (actions.Count > 0)
                {
                    firstKeys.Add((actions[0].EquivalenceKey!, diagnostic));
                }
            }

            foreach (var group in firstKeys.GroupBy(k => k.Key))
            {
                solution = await FixAllAsync(solution.Projects.Single(), fixer, group.Key, group.First().Diagnostic);
            }
        }

        var fixedProject = solution.Projects.Single();
        var errors = (await fixedProject.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var text = (await fixedProject.Documents.Single().GetTextAsync()).ToString();
        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + text);
        return text;
    }

    /// <summary>
    /// What <c>dotnet format analyzers</c> does: every fixer's <em>first</em> action applied with Fix All, one fixer after
    /// another. Asserted on the text: each connection keeps its port and requires TLS, mapping tables and comparisons read
    /// the same values, the server's client-certificate policy is untouched, and the client's is fixed.
    /// </summary>
    [Fact]
    public async Task FirstActions_OnRealWorldShapes_KeepConnectionsMappingsAndServersWorking()
    {
        var text = await FirstActionsAsync(await RealWorldAsync());

        // Mail: the same port, TLS required; implicit TLS only where the port is the implicit-TLS one.
        Assert.Equal(2, CountOf(text, "await client.ConnectAsync(_settings.Host, _settings.Port, _settings.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls, cancellationToken);"));
        Assert.DoesNotContain("useSsl", text); // the local that held the old choice is gone with it
        Assert.Contains("public void Open(ImapClient client) => client.Connect(host, this.port, this.port == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);", text);
        Assert.Contains("client.Connect(server, imapPort, imapPort == 993 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls);", text);
        Assert.Contains("client.Connect(new Uri(_settings.Uri));", text);

        // The shared constant and the mapping table read as before; the settings that read them no longer enable TLS 1.0/1.1.
        Assert.Contains("private const SecurityProtocolType Tls11Value = (SecurityProtocolType)768;", text);
        Assert.Contains("protocol == Tls11Value ? \"TLS 1.1\"", text);
        Assert.Contains("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;", text);
        Assert.Contains("2 => SslProtocols.Tls11,", text);
        Assert.Contains("1 => SslProtocols.Tls,", text);
        Assert.Contains("EnabledSslProtocols = Map(Version) & (SslProtocols.Tls12 | SslProtocols.Tls13) };", text);

        // The server keeps its client-certificate policy; the client validates and checks revocation.
        Assert.Contains("var server = new SslStream(inner, false, (sender, certificate, chain, errors) => true);", text);
        Assert.Contains("server.AuthenticateAsServer(serverCertificate, true, SslProtocols.None, false);", text);
        Assert.Contains("var client = new SslStream(inner, false);", text);
        Assert.Contains("client.AuthenticateAsClient(host, null, SslProtocols.None, true);", text);

        // A weak settings default is fixed where it is used; a kept callback is made strict where it is created; a
        // validator class installed as a method group is taken out of the install.
        Assert.Contains("stream.AuthenticateAsClient(\"backend.example.com\", null, SslProtocols.None, true);", text);
        Assert.Contains("public RemoteCertificateValidationCallback Validation { get; set; } = (sender, certificate, chain, errors) => errors == SslPolicyErrors.None;", text);
        Assert.Contains("public SslStream Open(Stream inner, CertificateValidator validator) => new SslStream(inner, false);", text);
    }

    /// <summary>The same, on the Visual Basic twin of the real-world shapes: the same edits, in idiomatic VB.</summary>
    [Fact]
    public async Task FirstActions_OnRealWorldShapesInVisualBasic_KeepConnectionsMappingsAndServersWorking()
    {
        var text = await FirstActionsAsync(await VisualBasicCorpusAsync("RealWorldShapes.vb.txt"));

        // Mail: the same port, TLS required; implicit TLS only where the port is the implicit-TLS one.
        Assert.Equal(2, CountOf(text, "Await client.ConnectAsync(_settings.Host, _settings.Port, If(_settings.Port = 465, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls), cancellationToken)"));
        Assert.DoesNotContain("useSsl", text);
        Assert.Contains("client.Connect(host, Me.port, If(Me.port = 993, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))", text);
        Assert.Contains("client.Connect(server, imapPort, If(imapPort = 993, SecureSocketOptions.SslOnConnect, SecureSocketOptions.StartTls))", text);
        Assert.Contains("client.Connect(New Uri(_settings.Uri))", text);

        // The shared constant and the mapping read as before; the settings that read them no longer enable TLS 1.0/1.1.
        Assert.Contains("Private Const Tls11Value As SecurityProtocolType = CType(768, SecurityProtocolType)", text);
        Assert.Contains("Return If(protocol = Tls11Value, \"TLS 1.1\"", text);
        Assert.Contains("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13", text);
        Assert.Contains("Return If(version = 2, SslProtocols.Tls11,", text);
        Assert.Contains("If(version = 1, SslProtocols.Tls,", text);
        Assert.Contains(".EnabledSslProtocols = Map(Version) And (SslProtocols.Tls12 Or SslProtocols.Tls13)}", text);

        // The server keeps its client-certificate policy; the client validates and checks revocation.
        Assert.Contains("Dim server = New SslStream(inner, False, Function(sender, certificate, chain, errors) True)", text);
        Assert.Contains("server.AuthenticateAsServer(serverCertificate, True, SslProtocols.None, False)", text);
        Assert.Contains("Dim client = New SslStream(inner, False)", text);
        Assert.Contains("client.AuthenticateAsClient(host, Nothing, SslProtocols.None, True)", text);

        // A weak settings default is fixed where it is used; a kept callback is made strict where it is created; a
        // validator class installed as a method group is taken out of the install.
        Assert.Contains("stream.AuthenticateAsClient(\"backend.example.com\", Nothing, SslProtocols.None, True)", text);
        Assert.Contains("Public Property Validation As RemoteCertificateValidationCallback = Function(sender, certificate, chain, errors) errors = SslPolicyErrors.None", text);
        Assert.Contains("Return New SslStream(inner, False)", text);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var index = text.IndexOf(value, StringComparison.Ordinal); index >= 0; index = text.IndexOf(value, index + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static Task<Solution> RealWorldAsync()
        => CreateSolutionAsync(
            new[] { ("RealWorldShapes.cs", File.ReadAllText(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Robustness", "Corpus", "RealWorldShapes.cs.txt"))) },
            References.Net80WithMailKit,
            LanguageVersion.Latest);

    /// <summary>Applies the fix everywhere it is offered and checks the result; returns how many findings it was offered for.</summary>
    private static async Task<int> VerifyAsync(Solution solution, CodeFixProvider fixer, string equivalenceKey)
    {
        var project = solution.Projects.Single();
        var before = (await project.GetCompilationAsync())!;
        var diagnostics = await AnalyzerDiagnosticsAsync(project, fixer.FixableDiagnosticIds);
        var offered = await OfferedAsync(project, fixer, equivalenceKey, diagnostics);
        if (offered.Count == 0)
        {
            return 0;
        }

        var fixedSolution = await FixAllAsync(project, fixer, equivalenceKey, offered[0]);
        var fixedProject = fixedSolution.Projects.Single();
        var after = (await fixedProject.GetCompilationAsync())!;

        var errors = after.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, equivalenceKey + " produced code that does not compile:\n" + string.Join("\n", errors) + "\n" + await TextAsync(fixedProject));

        var newWarnings = Subtract(Warnings(after), Warnings(before));
        Assert.True(newWarnings.Count == 0, equivalenceKey + " produced new compiler warnings:\n" + string.Join("\n", newWarnings));

        var remaining = await AnalyzerDiagnosticsAsync(fixedProject, fixer.FixableDiagnosticIds);
        var stillOffered = await OfferedAsync(fixedProject, fixer, equivalenceKey, remaining);
        Assert.True(stillOffered.Count == 0, equivalenceKey + " left findings it could fix (a second run would change code):\n" + string.Join("\n", stillOffered));
        return offered.Count;
    }

    private static async Task<Solution> CreateSolutionAsync(IEnumerable<(string Name, string Text)> files, TestTarget target, LanguageVersion version)
        => CreateSolution(
            LanguageNames.CSharp,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable),
            new CSharpParseOptions(version),
            await AnalyzerHarness.ReferencesAsync(target),
            files);

    /// <summary>One project of the language, with the files under /fixall/.</summary>
    private static Solution CreateSolution(string language, CompilationOptions options, ParseOptions parseOptions, IEnumerable<MetadataReference> references, IEnumerable<(string Name, string Text)> files)
    {
        var projectId = ProjectId.CreateNewId();
        var solution = new AdhocWorkspace().CurrentSolution.AddProject(ProjectInfo.Create(
            projectId, VersionStamp.Create(), "FixAllTarget", "FixAllTarget", language, compilationOptions: options, parseOptions: parseOptions, metadataReferences: references));
        foreach (var (name, text) in files)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), name, text, filePath: "/fixall/" + name);
        }

        return solution;
    }

    /// <summary>samples/LegacyMailerVB as its project builds it: .NET Framework 4.8, Option Strict Off, the SDK's default imports.</summary>
    private static async Task<Solution> VisualBasicSampleAsync()
    {
        await References.EnsureResolvedAsync();
        var framework = await References.Net48.AddAssemblies(ImmutableArray.Create("Microsoft.VisualBasic")).ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None);
        return CreateSolution(
            LanguageNames.VisualBasic,
            new Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                globalImports: Microsoft.CodeAnalysis.VisualBasic.GlobalImport.Parse("Microsoft.VisualBasic", "System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks"),
                optionStrict: Microsoft.CodeAnalysis.VisualBasic.OptionStrict.Off),
            new Microsoft.CodeAnalysis.VisualBasic.VisualBasicParseOptions(Microsoft.CodeAnalysis.VisualBasic.LanguageVersion.Latest),
            framework.AddRange(References.Net48WithMailKit.Libraries),
            Directory.GetFiles(Repository.PathOf("samples", "LegacyMailerVB"), "*.vb").OrderBy(f => f, StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllText(f))));
    }

    /// <summary>A VB twin of a corpus file, as a .NET 8 project with MailKit and Option Strict On would build it.</summary>
    private static async Task<Solution> VisualBasicCorpusAsync(string file)
    {
        await References.EnsureResolvedAsync();
        var framework = await References.Net80.ResolveAsync(LanguageNames.VisualBasic, CancellationToken.None);
        return CreateSolution(
            LanguageNames.VisualBasic,
            new Microsoft.CodeAnalysis.VisualBasic.VisualBasicCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optionStrict: Microsoft.CodeAnalysis.VisualBasic.OptionStrict.On),
            new Microsoft.CodeAnalysis.VisualBasic.VisualBasicParseOptions(Microsoft.CodeAnalysis.VisualBasic.LanguageVersion.Latest),
            framework.AddRange(References.Net80WithMailKit.Libraries),
            new[] { (Path.ChangeExtension(file, null), File.ReadAllText(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Robustness", "Corpus", file))) });
    }

    private static async Task<ImmutableArray<Diagnostic>> AnalyzerDiagnosticsAsync(Project project, ImmutableArray<string> ids)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var (findings, exceptions) = await AnalyzerHarness.AnalyzeAsync(compilation);
        Assert.Empty(exceptions);
        return findings.Where(d => ids.Contains(d.Id) && d.Location.IsInSource).ToImmutableArray();
    }

    private static async Task<List<Diagnostic>> OfferedAsync(Project project, CodeFixProvider fixer, string equivalenceKey, ImmutableArray<Diagnostic> diagnostics)
    {
        var offered = new List<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Any(a => a.EquivalenceKey == equivalenceKey))
            {
                offered.Add(diagnostic);
            }
        }

        return offered;
    }

    private static async Task<Solution> FixAllAsync(Project project, CodeFixProvider fixer, string equivalenceKey, Diagnostic first)
    {
        // The finding may come from before an earlier group of the same fixer changed its document: find that by path.
        var document = project.GetDocument(first.Location.SourceTree)
                       ?? project.Documents.Single(d => d.FilePath == first.Location.SourceTree!.FilePath || d.Name == first.Location.SourceTree!.FilePath);
        var context = new FixAllContext(
            document,
            fixer,
            FixAllScope.Solution,
            equivalenceKey,
            fixer.FixableDiagnosticIds,
            new ProjectDiagnostics(),
            CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.True(action != null, fixer.GetType().Name + " " + equivalenceKey + " " + first);
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    /// <summary>
    /// What <c>dotnet format analyzers</c> asks of a fixer when it is not told which rules to fix: for each rule, a
    /// solution-wide Fix All whose equivalence key is that of the first action the fixer registers for the first finding
    /// the tool has — often another rule's, since one analyzer reports every code rule. The fixer registers nothing for a
    /// finding that is not its own, so the key is null; the fix must then apply the first action for each finding of the
    /// rule, exactly as when the key is named.
    /// </summary>
    [Fact]
    public async Task FixAllWithoutAKey_StartedFromAnotherRulesFinding_AppliesTheFirstActions()
    {
        var solution = await CreateSolutionAsync(Corpus.SampleFiles.Select(f => (f.Name, f.Text)), References.Net48WithMailKit, LanguageVersion.CSharp7_3);
        var project = solution.Projects.Single();
        var findings = await AnalyzerDiagnosticsAsync(project, Catalogue.DeclaredIds.ToImmutableArray());
        var compared = 0;
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var fixer = (CodeFixProvider)Activator.CreateInstance(type)!;
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var own = findings.Where(d => d.Id == id).ToList();
                if (own.Count == 0)
                {
                    continue;
                }

                var foreign = findings.First(d => !fixer.FixableDiagnosticIds.Contains(d.Id));
                var foreignDocument = project.GetDocument(foreign.Location.SourceTree)!;
                var registered = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(foreignDocument, foreign, (action, _) => registered.Add(action), CancellationToken.None));
                Assert.Empty(registered);

                var firstActions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(project.GetDocument(own[0].Location.SourceTree)!, own[0], (action, _) => firstActions.Add(action), CancellationToken.None));
                if (firstActions.Count == 0)
                {
                    continue;
                }

                var named = await TextAsync(await FixAllOneRuleAsync(project, fixer, id, firstActions[0].EquivalenceKey, foreignDocument));
                var keyless = await TextAsync(await FixAllOneRuleAsync(project, fixer, id, null, foreignDocument));
                Assert.NotEqual(await TextAsync(project), keyless);
                Assert.Equal(named, keyless);
                compared++;
            }
        }

        Assert.True(compared >= 5, "too few rules had a fix on the sample app: " + compared);
    }

    private static async Task<Project> FixAllOneRuleAsync(Project project, CodeFixProvider fixer, string id, string? equivalenceKey, Document document)
    {
        var context = new FixAllContext(document, fixer, FixAllScope.Solution, equivalenceKey!, new[] { id }, new ProjectDiagnostics(), CancellationToken.None);
        var action = await fixer.GetFixAllProvider()!.GetFixAsync(context);
        Assert.True(action != null, fixer.GetType().Name + " " + id + " " + (equivalenceKey ?? "(no key)"));
        var operations = await action!.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution.Projects.Single();
    }

    private static List<string> Warnings(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).Select(d => d.Id + ": " + d.GetMessage()).ToList();

    private static List<string> Subtract(List<string> after, List<string> before)
    {
        var remaining = new List<string>(before);
        var added = new List<string>();
        foreach (var warning in after)
        {
            if (!remaining.Remove(warning))
            {
                added.Add(warning);
            }
        }

        return added;
    }

    private static async Task<string> TextAsync(Project project)
    {
        var texts = await Task.WhenAll(project.Documents.Select(async d => "// " + d.Name + "\n" + (await d.GetTextAsync())));
        return string.Join("\n", texts);
    }

    /// <summary>What Fix All asks for: our analyzers' findings, per document or for the whole project.</summary>
    private sealed class ProjectDiagnostics : FixAllContext.DiagnosticProvider
    {
        public override async Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => await AnalyzerDiagnosticsAsync(project, Catalogue.DeclaredIds.ToImmutableArray());

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            var tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return (await GetAllDiagnosticsAsync(document.Project, cancellationToken)).Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
            => Task.FromResult(Enumerable.Empty<Diagnostic>());
    }
}
