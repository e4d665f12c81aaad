using System;
using System.IO;

namespace TlsMinAnalyzer.Tests.Meta;

/// <summary>Finds the repository the tests were built from, so docs, README and release files can be checked.</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TlsMinAnalyzer.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TlsMinAnalyzer.sln was not found above " + AppContext.BaseDirectory);
    }
}
