using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis.Testing;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// The reference assemblies the rules are tested against. Members such as <c>SslProtocols.Tls13</c> and
/// <c>SecurityProtocolType.SystemDefault</c> exist only on some targets, so tests pick the target on purpose.
/// </summary>
internal static class References
{
    /// <summary>Modern .NET: Tls13 and SystemDefault exist; ServicePointManager is not yet marked obsolete.</summary>
    public static ReferenceAssemblies Net80 => ReferenceAssemblies.Net.Net80;

    /// <summary>
    /// .NET 9: ServicePointManager is obsolete (SYSLIB0014), so setting it is pointless. Built by hand because the
    /// library's own Net90 asks for Microsoft.NETCore.App.Ref 9.0.0, which the registry here does not serve.
    /// </summary>
    public static ReferenceAssemblies Net90 { get; } = new ReferenceAssemblies(
        "net9.0",
        new PackageIdentity("Microsoft.NETCore.App.Ref", "9.0.16"),
        Path.Combine("ref", "net9.0"));

    /// <summary>.NET Framework 4.7.2: SystemDefault exists, Tls13 does not.</summary>
    public static ReferenceAssemblies Net472 => ReferenceAssemblies.NetFramework.Net472.Default;

    /// <summary>
    /// .NET Framework 4.8: Tls13 exists. Built by hand because the library's own Net48.Default asks for a package version
    /// the registry here does not serve.
    /// </summary>
    public static ReferenceAssemblies Net48 { get; } = new ReferenceAssemblies(
            "net48",
            new PackageIdentity("Microsoft.NETFramework.ReferenceAssemblies.net48", "1.0.3"),
            Path.Combine("build", ".NETFramework", "v4.8"))
        .AddAssemblies(ImmutableArray.Create("mscorlib", "System", "System.Core", "System.Net.Http"));
}
