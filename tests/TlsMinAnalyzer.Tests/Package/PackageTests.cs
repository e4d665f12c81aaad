using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using System.Xml.Linq;

namespace TlsMinAnalyzer.Tests.Package;

/// <summary>Proves the package, not just the DLL: its contents, and a real consumer build with the finding and the fix.</summary>
[Collection(PackageCollection.Name)]
public class PackageTests
{
    private readonly PackageFixture _package;

    public PackageTests(PackageFixture package) => _package = package;

    [Fact]
    public void Package_ContainsAnalyzersOnly_WithNoDependencies()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var entries = archive.Entries.Select(e => e.FullName).ToList();

        Assert.Contains("analyzers/dotnet/cs/TlsMinAnalyzer.dll", entries);
        Assert.Contains("analyzers/dotnet/cs/TlsMinAnalyzer.CodeFixes.dll", entries);
        Assert.Contains("analyzers/dotnet/vb/TlsMinAnalyzer.dll", entries);
        Assert.Contains("analyzers/dotnet/vb/TlsMinAnalyzer.CodeFixes.dll", entries);
        Assert.Contains("README.md", entries);
        Assert.Contains("build/TlsMinAnalyzer.targets", entries);
        Assert.Contains("buildTransitive/TlsMinAnalyzer.targets", entries);
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
        Assert.All(entries.Where(e => e.EndsWith(".dll", StringComparison.Ordinal)), e => Assert.True(e.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) || e.StartsWith("analyzers/dotnet/vb/", StringComparison.Ordinal), e));
        Assert.DoesNotContain(entries, e => e.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));

        var nuspecEntry = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.Name.Namespace;
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        Assert.Equal("TlsMinAnalyzer", metadata.Element(ns + "id")!.Value);
        Assert.Equal(_package.Version, metadata.Element(ns + "version")!.Value);
        Assert.Equal("true", metadata.Element(ns + "developmentDependency")!.Value);
        Assert.Equal("expression", metadata.Element(ns + "license")!.Attribute("type")!.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        Assert.Empty(metadata.Descendants(ns + "dependency"));
    }

    [Fact]
    public void AnalyzerAssembly_DoesNotReferenceWorkspaces()
    {
        using var archive = ZipFile.OpenRead(_package.PackagePath);
        using var copy = new MemoryStream();
        using (var dll = archive.GetEntry("analyzers/dotnet/cs/TlsMinAnalyzer.dll")!.Open())
        {
            dll.CopyTo(copy);
        }

        copy.Position = 0;
        using var reader = new System.Reflection.PortableExecutable.PEReader(copy);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        var references = metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
        Assert.Contains("Microsoft.CodeAnalysis", references);
        Assert.DoesNotContain(references, r => r.Contains("Workspaces", StringComparison.Ordinal));

        // Language-neutral: the same assembly loads into the Visual Basic compiler, which has no C# compiler beside it.
        Assert.DoesNotContain(references, r => r.Contains("CSharp", StringComparison.Ordinal) || r.Contains("VisualBasic", StringComparison.Ordinal));
    }

    /// <summary>
    /// Every assembly the package loads into the IDE references nothing newer than what the oldest supported host ships
    /// (Visual Studio 2019 16.7, Microsoft.CodeAnalysis 3.7.0): Microsoft.CodeAnalysis* at 3.7.0.0, and every other
    /// reference at most at the version Roslyn 3.7.0 itself references (System.Collections.Immutable,
    /// System.Reflection.Metadata, System.Composition, ...). A host on .NET Framework binds only what it ships: a newer
    /// reference makes it drop the assembly silently (the code fixes vanish from the light bulb, with no error).
    /// </summary>
    [Fact]
    public void PackedAssemblies_ReferenceNothingAboveTheRoslynFloor()
    {
        var floorVersion = Metadata("RoslynFloorVersion");
        var floor = RoslynFloorReferences(Metadata("NuGetPackageRoot"), floorVersion);
        var roslyn = new Version(floorVersion + ".0");
        Assert.Contains("System.Collections.Immutable", floor.Keys);

        using var archive = ZipFile.OpenRead(_package.PackagePath);
        var assemblies = archive.Entries.Where(e => e.FullName.StartsWith("analyzers/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(assemblies);
        var packed = assemblies.Select(e => Path.GetFileNameWithoutExtension(e.Name)).ToHashSet(StringComparer.Ordinal);
        var problems = new System.Collections.Generic.List<string>();
        foreach (var entry in assemblies)
        {
            foreach (var (name, version) in References(entry))
            {
                if (packed.Contains(name))
                {
                    continue; // the package's own assemblies, side by side in the same folder
                }

                var allowed = name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) ? roslyn
                    : name == "netstandard" ? new Version(2, 0, 0, 0)
                    : floor.TryGetValue(name, out var known) ? known
                    : null;
                if (allowed is null || version > allowed)
                {
                    problems.Add(entry.FullName + " references " + name + " " + version + (allowed is null ? " (Roslyn " + floorVersion + " references no such assembly)" : " (the floor is " + allowed + ")"));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static string Metadata(string key)
        => typeof(PackageTests).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value!;

    /// <summary>What Roslyn's own assemblies at the floor version reference, with the highest version each is referenced at.</summary>
    private static System.Collections.Generic.Dictionary<string, Version> RoslynFloorReferences(string packageRoot, string version)
    {
        var result = new System.Collections.Generic.Dictionary<string, Version>(StringComparer.Ordinal);
        foreach (var (package, assembly) in new[]
                 {
                     ("microsoft.codeanalysis.common", "Microsoft.CodeAnalysis.dll"),
                     ("microsoft.codeanalysis.csharp", "Microsoft.CodeAnalysis.CSharp.dll"),
                     ("microsoft.codeanalysis.workspaces.common", "Microsoft.CodeAnalysis.Workspaces.dll"),
                     ("microsoft.codeanalysis.csharp.workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces.dll"),
                 })
        {
            var path = Path.Combine(packageRoot, package, version, "lib", "netstandard2.0", assembly);
            Assert.True(File.Exists(path), "Roslyn " + version + " is not restored at " + path);
            using var stream = File.OpenRead(path);
            foreach (var (name, referenced) in References(stream))
            {
                if (!result.TryGetValue(name, out var seen) || referenced > seen)
                {
                    result[name] = referenced;
                }
            }
        }

        return result;
    }

    private static System.Collections.Generic.List<(string Name, Version Version)> References(ZipArchiveEntry entry)
    {
        using var copy = new MemoryStream();
        using (var dll = entry.Open())
        {
            dll.CopyTo(copy);
        }

        copy.Position = 0;
        return References(copy);
    }

    private static System.Collections.Generic.List<(string Name, Version Version)> References(Stream stream)
    {
        using var reader = new System.Reflection.PortableExecutable.PEReader(stream, System.Reflection.PortableExecutable.PEStreamOptions.LeaveOpen);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(reader);
        return metadata.AssemblyReferences
            .Select(h => metadata.GetAssemblyReference(h))
            .Select(r => (metadata.GetString(r.Name), r.Version))
            .ToList();
    }

    public static TheoryData<string, string, string, string, string> Findings => new()
    {
        {
            "TLS001",
            """
            using System.Net.Http;
            using System.Security.Authentication;

            public static class Client
            {
                public static HttpClientHandler Create() => new HttpClientHandler { SslProtocols = (SslProtocols)768 };
            }
            """,
            "(SslProtocols)768",
            "HttpClientHandler.SslProtocols enables TLS 1.1",
            "SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13 };"
        },
        {
            "TLS002",
            """
            using System.Net.Http;

            public static class Client
            {
                public static HttpClientHandler Create() => new HttpClientHandler
                {
                    ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) => true,
                };
            }
            """,
            "(message, certificate, chain, errors) => true",
            "HttpClientHandler.ServerCertificateCustomValidationCallback is given a callback that accepts every certificate",
            "public static HttpClientHandler Create() => new HttpClientHandler\n    {\n    };"
        },
        {
            "TLS003",
            """
            using System.Net.Mail;

            public static class Client
            {
                public static void Send(MailMessage message)
                {
                    using (var client = new SmtpClient("smtp.example.com", 25))
                    {
                        client.Send(message);
                    }
                }
            }
            """,
            "new SmtpClient(\"smtp.example.com\", 25)",
            "SmtpClient sends to smtp.example.com:25 without TLS (EnableSsl is not set): mail and credentials go in cleartext",
            "using (var client = new SmtpClient(\"smtp.example.com\", 25) { EnableSsl = true })"
        },
    };

    [Theory]
    [MemberData(nameof(Findings))]
    public async Task Consumer_WithWarningsAsErrors_FailsAtTheFinding_AndDotnetFormatFixesIt(string id, string source, string at, string message, string fixedText)
    {
        var project = Consumer.Create(_package, "net10.0", source);

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode != 0, "the build should fail under TreatWarningsAsErrors:\n" + output);
        var lines = source.Split('\n');
        var line = System.Array.FindIndex(lines, l => l.Contains(at, StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Contains("Client.cs(" + line + "," + column + "): error " + id + ": " + message, output);

        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "format", "analyzers", "--diagnostics", id, "--severity", "warn");
        Assert.True(exitCode == 0, "dotnet format failed:\n" + output);
        Assert.Contains(fixedText, File.ReadAllText(project.SourcePath).Replace("\r\n", "\n", StringComparison.Ordinal));

        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode == 0, "the fixed project should build clean:\n" + output);
        Assert.DoesNotContain("TLS0", output);
    }
}

/// <summary>
/// Real toolchains of the users with old code: a .NET Framework 4.8 consumer (reference assemblies package) and a
/// netstandard2.0 one, with TreatWarningsAsErrors. The fixes must emit only members those targets have: netstandard2.0 has no
/// SslProtocols.Tls13, .NET Framework 4.8 has SecurityProtocolType.Tls13.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageTargetFrameworkTests
{
    private readonly PackageFixture _package;

    public PackageTargetFrameworkTests(PackageFixture package) => _package = package;

    public static TheoryData<string, string, string, string, string> Targets => new()
    {
        {
            "net48",
            "<Reference Include=\"System.Net.Http\" /><PackageReference Include=\"Microsoft.NETFramework.ReferenceAssemblies\" Version=\"1.0.3\" PrivateAssets=\"all\" />",
            """
            using System.Net;

            public static class Client
            {
                public static void Configure() => ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls | SecurityProtocolType.Tls11;
            }
            """,
            "SecurityProtocolType.Tls | SecurityProtocolType.Tls11",
            "ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 | SecurityProtocolType.Tls13;"
        },
        {
            "netstandard2.0",
            "",
            """
            using System.IO;
            using System.Net.Security;
            using System.Security.Authentication;

            public static class Client
            {
                public static SslStream Open(Stream stream, string host)
                {
                    var ssl = new SslStream(stream);
                    ssl.AuthenticateAsClient(host, null, SslProtocols.Tls11, true);
                    return ssl;
                }
            }
            """,
            "SslProtocols.Tls11",
            "ssl.AuthenticateAsClient(host, null, SslProtocols.Tls12, true);"
        },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task OldTargets_FailOnTheFinding_AndTheFixUsesOnlyTheirMembers(string targetFramework, string items, string source, string at, string fixedText)
    {
        var project = Consumer.Create(_package, targetFramework, source, "<LangVersion>7.3</LangVersion>", items);

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode != 0, "the build should fail under TreatWarningsAsErrors:\n" + output);
        var lines = source.Split('\n');
        var line = System.Array.FindIndex(lines, l => l.Contains(at, StringComparison.Ordinal)) + 1;
        var column = lines[line - 1].IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Contains("Client.cs(" + line + "," + column + "): error TLS001", output);

        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "format", "analyzers", "--diagnostics", "TLS001", "--severity", "warn");
        Assert.True(exitCode == 0, "dotnet format failed:\n" + output);
        Assert.Contains(fixedText, File.ReadAllText(project.SourcePath));

        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode == 0, "the fixed project should build clean on " + targetFramework + ":\n" + output);
        Assert.DoesNotContain("error", output.Replace("0 Error(s)", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>The README's category-wide severity setting, in a real build of a consumer.</summary>
[Collection(PackageCollection.Name)]
public class PackageSeverityTests
{
    private readonly PackageFixture _package;

    public PackageSeverityTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task SecurityCategorySeverity_MakesFindingsErrors()
    {
        var project = Consumer.Create(
            _package,
            "net10.0",
            "public static class Client { public static System.Net.Http.HttpClientHandler Create() => new System.Net.Http.HttpClientHandler { SslProtocols = (System.Security.Authentication.SslProtocols)768 }; }",
            "<TreatWarningsAsErrors>false</TreatWarningsAsErrors>",
            files: new[] { (".editorconfig", "root = true\n\n[*.cs]\ndotnet_analyzer_diagnostic.category-Security.severity = error\n") });

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode != 0, "the category setting should make the finding an error:\n" + output);
        Assert.Contains("error TLS001: HttpClientHandler.SslProtocols enables TLS 1.1", output);
    }
}

/// <summary>Config files are picked up from the installed package with no project edit, and the opt-out property works.</summary>
[Collection(PackageCollection.Name)]
public class PackageConfigFileTests
{
    private const string AppConfig = """
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <system.net>
            <mailSettings>
              <smtp from="app@example.com">
                <network host="smtp.example.com" port="25" />
              </smtp>
            </mailSettings>
          </system.net>
        </configuration>
        """;

    private const string AppSettings = """
        {
          "Kestrel": {
            "EndpointDefaults": { "SslProtocols": [ "Tls11", "Tls12" ] }
          }
        }
        """;

    private const string Ocelot = """
        { "Routes": [ { "DownstreamPathTemplate": "/api/orders", "DangerousAcceptAnyServerCertificateValidator": true } ] }
        """;

    private const string CleanSource = "public static class Client { }";

    private readonly PackageFixture _package;

    public PackageConfigFileTests(PackageFixture package) => _package = package;

    [Fact]
    public async Task ConsumerConfigFiles_ArePickedUpWithoutProjectEdits()
    {
        var project = Consumer.Create(_package, "net10.0", CleanSource, files: new[] { ("App.config", AppConfig), ("appsettings.json", AppSettings), ("ocelot.json", Ocelot) });

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode != 0, "the build should fail on the config findings:\n" + output);
        Assert.Contains("App.config(6,10): error TLS003: SmtpClient reads <mailSettings> in App.config and sends to smtp.example.com:25 without TLS", output);
        Assert.Contains("appsettings.json(3,45): error TLS001: Kestrel:EndpointDefaults:SslProtocols in appsettings.json enables TLS 1.1", output);
        Assert.Contains("ocelot.json(1,106): error TLS002: Ocelot's route 0 /api/orders", output);
    }

    [Fact]
    public async Task OptOutProperty_StopsConfigFileAnalysis()
    {
        var project = Consumer.Create(
            _package,
            "net10.0",
            CleanSource,
            "<TlsMinAnalyzeConfigFiles>false</TlsMinAnalyzeConfigFiles>",
            files: new[] { ("App.config", AppConfig), ("appsettings.json", AppSettings) });

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode == 0, "with the opt-out the config files are not analyzed:\n" + output);
        Assert.DoesNotContain("TLS0", output);
    }
}

[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageFixture>
{
    public const string Name = "package";
}

/// <summary>
/// Visual Basic consumers (.NET Framework 4.8 and .NET 10) install the same package: the findings appear in Client.vb and in
/// the project's config files and fail the build under TreatWarningsAsErrors; <c>dotnet format analyzers</c> fixes the code,
/// which then builds clean.
/// </summary>
[Collection(PackageCollection.Name)]
public class PackageVisualBasicTests
{
    private const string Source = """
        Imports System.Net
        Imports System.Net.Mail

        Public Module Client
            Public Sub Configure()
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls Or SecurityProtocolType.Tls12
                ServicePointManager.ServerCertificateValidationCallback = Function(sender, certificate, chain, errors) True
            End Sub

            Public Sub Send(message As MailMessage)
                Using client As New SmtpClient("smtp.example.com", 587) With {.EnableSsl = False}
                    client.Send(message)
                End Using
            End Sub
        End Module
        """;

    private readonly PackageFixture _package;

    public PackageVisualBasicTests(PackageFixture package) => _package = package;

    public static TheoryData<string, string> Targets => new()
    {
        { "net48", "<Reference Include=\"System.Net.Http\" /><PackageReference Include=\"Microsoft.NETFramework.ReferenceAssemblies\" Version=\"1.0.3\" PrivateAssets=\"all\" />" },
        { "net10.0", "" },
    };

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task VisualBasicConsumer_WithWarningsAsErrors_FailsAtEveryFinding(string targetFramework, string items)
    {
        var project = Consumer.CreateVisualBasic(
            _package,
            targetFramework,
            Source,
            "<NoWarn>$(NoWarn);SYSLIB0014</NoWarn>", // ServicePointManager is obsolete on .NET 10: only our findings should fail the build
            items,
            files: new[] { ("appsettings.json", """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls11" ] } } }""") });

        var (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode != 0, "the build should fail under TreatWarningsAsErrors:\n" + output);
        foreach (var expected in new[]
                 {
                     "Client.vb(6,48): error TLS001: ServicePointManager.SecurityProtocol enables TLS 1.0",
                     "Client.vb(7,67): error TLS002: ServicePointManager.ServerCertificateValidationCallback is given a callback that accepts every certificate",
                     "Client.vb(11,84): error TLS003: SmtpClient sends to smtp.example.com:587 without TLS (EnableSsl = False)",
                     "appsettings.json(1,56): error TLS001: Kestrel:EndpointDefaults:SslProtocols in appsettings.json enables TLS 1.1",
                 })
        {
            Assert.True(output.Contains(expected, StringComparison.Ordinal), "missing: " + expected + "\n" + output);
        }

        Assert.DoesNotContain("AD0001", output);

        // What `dotnet format analyzers` does for a VB shop: every first action, then a clean build.
        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "format", "analyzers", "--severity", "warn");
        Assert.True(exitCode == 0, "dotnet format failed:\n" + output);
        var fixedSource = File.ReadAllText(project.SourcePath);
        Assert.Contains("ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls12 Or SecurityProtocolType.Tls13", fixedSource);
        Assert.DoesNotContain("ServerCertificateValidationCallback", fixedSource);
        Assert.Contains("With {.EnableSsl = True}", fixedSource);

        // Config files get no code fix: the user edits them, as here, and the project builds clean.
        File.WriteAllText(Path.Combine(project.Directory, "appsettings.json"), """{ "Kestrel": { "EndpointDefaults": { "SslProtocols": [ "Tls12", "Tls13" ] } } }""");
        (exitCode, output) = await DotNet.RunAsync(project.Directory, project.Packages, "build", "-p:UseSharedCompilation=false");
        Assert.True(exitCode == 0, "the fixed VB project should build clean on " + targetFramework + ":\n" + output + "\n" + fixedSource);
    }
}
