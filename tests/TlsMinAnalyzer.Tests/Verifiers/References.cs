using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// The reference assemblies the rules are tested against. Members such as <c>SslProtocols.Tls13</c> and
/// <c>SecurityProtocolType.SystemDefault</c> exist only on some targets, so tests pick the target on purpose.
/// </summary>
internal static class References
{
    /// <summary>Modern .NET: Tls13 and SystemDefault exist; ServicePointManager is not yet marked obsolete.</summary>
    public static ReferenceAssemblies Net80 { get; } = ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// .NET 9: ServicePointManager is obsolete (SYSLIB0014), so setting it is pointless. Built by hand because the
    /// library's own Net90 asks for Microsoft.NETCore.App.Ref 9.0.0, which the registry here does not serve.
    /// </summary>
    public static ReferenceAssemblies Net90 { get; } = new ReferenceAssemblies(
        "net9.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "9.0.16"),
        Path.Combine("ref", "net9.0"));

    /// <summary>.NET Framework 4.7.2: SystemDefault exists, Tls13 does not.</summary>
    public static ReferenceAssemblies Net472 { get; } = ReferenceAssemblies.NetFramework.Net472.Default;

    /// <summary>.NET Framework 4.6.1: neither Tls13 nor SecurityProtocolType.SystemDefault exists.</summary>
    public static ReferenceAssemblies Net461 { get; } = new ReferenceAssemblies(
            "net461",
            new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies.net461", "1.0.3"),
            Path.Combine("build", ".NETFramework", "v4.6.1"))
        .AddAssemblies(ImmutableArray.Create("mscorlib", "System", "System.Core", "System.Net.Http"));

    /// <summary>
    /// .NET Framework 4.8: Tls13 exists. Built by hand because the library's own Net48.Default asks for a package version
    /// the registry here does not serve.
    /// </summary>
    public static ReferenceAssemblies Net48 { get; } = new ReferenceAssemblies(
            "net48",
            new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3"),
            Path.Combine("build", ".NETFramework", "v4.8"))
        .AddAssemblies(ImmutableArray.Create("mscorlib", "System", "System.Core", "System.Net.Http"));

    // Declared after the framework sets they build on: static initializers run in text order.
    /// <summary>Modern .NET with the real MailKit 4.18.2 (and MimeKit) assemblies, for rules about MailKit's API.</summary>
    public static TestTarget Net80WithMailKit { get; } = new TestTarget(Net80, MailLibraries("net8.0"));

    /// <summary>.NET Framework 4.8 with the real MailKit 4.18.2 (and MimeKit) assemblies.</summary>
    public static TestTarget Net48WithMailKit { get; } = new TestTarget(Net48, MailLibraries("net48"));

    private static readonly SemaphoreSlim ResolveLock = new SemaphoreSlim(1, 1);
    private static bool _resolved;

    /// <summary>
    /// Downloads and resolves every reference set once, one at a time, before the first test uses any. On a fresh
    /// machine tests start in parallel, and concurrent first-time restores into the library's shared package folder can
    /// see each other's half-extracted packages; after this, every resolution is a cache hit.
    /// </summary>
    public static async Task EnsureResolvedAsync()
    {
        if (Volatile.Read(ref _resolved))
        {
            return;
        }

        await ResolveLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_resolved)
            {
                foreach (var references in new[] { Net80, Net90, Net461, Net472, Net48 })
                {
                    await references.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
                }

                Volatile.Write(ref _resolved, true);
            }
        }
        finally
        {
            ResolveLock.Release();
        }
    }

    private static ImmutableArray<MetadataReference> MailLibraries(string framework)
    {
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var (key, assembly) in new[] { ("MailKitPackage", "MailKit.dll"), ("MimeKitPackage", "MimeKit.dll") })
        {
            var package = typeof(References).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
                .Cast<System.Reflection.AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value!;
            builder.Add(MetadataReference.CreateFromFile(Path.Combine(package, "lib", framework, assembly)));
        }

        return builder.ToImmutable();
    }
}
