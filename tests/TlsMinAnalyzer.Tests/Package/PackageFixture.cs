using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Package;

/// <summary>Packs the repository once, exactly as the README says (`dotnet pack -c Release -o dir` at the root).</summary>
public sealed class PackageFixture : IAsyncLifetime
{
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "tlsmin-package-" + Guid.NewGuid().ToString("N"));

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string PackagePath { get; private set; } = string.Empty;

    public string Version { get; private set; } = string.Empty;

    public string PackOutput { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(WorkDirectory);
        var (exitCode, output) = await DotNet.RunAsync(Repository.Root, null, "pack", "-c", "Release", "-o", Feed);
        PackOutput = output;
        Assert.True(exitCode == 0, "dotnet pack failed:\n" + output);

        var packages = Directory.GetFiles(Feed, "*.nupkg");
        Assert.True(packages.Length == 1, "expected exactly one package, got: " + string.Join(", ", packages.Select(Path.GetFileName)));
        PackagePath = packages[0];
        var name = Path.GetFileNameWithoutExtension(PackagePath);
        Assert.StartsWith("TlsMinAnalyzer.", name);
        Version = name.Substring("TlsMinAnalyzer.".Length);
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(WorkDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; the test result stands.
        }

        return Task.CompletedTask;
    }
}
