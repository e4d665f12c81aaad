using System;
using System.IO;

namespace TlsMinAnalyzer.Tests.Package;

/// <summary>A throwaway project that installs the packed TlsMinAnalyzer from a local feed, as a user would.</summary>
internal sealed class Consumer
{
    private Consumer(string directory, string packages, string sourceName)
    {
        Directory = directory;
        Packages = packages;
        SourceName = sourceName;
    }

    /// <summary>Client.cs, or Client.vb for a Visual Basic consumer.</summary>
    public string SourceName { get; }

    public string Directory { get; }

    /// <summary>The consumer's private NuGet cache.</summary>
    public string Packages { get; }

    public string SourcePath => Path.Combine(Directory, SourceName);

    public static Consumer Create(PackageFixture package, string targetFramework, string source, string extraProperties = "", string extraItems = "", params (string Name, string Content)[] files)
        => Create(package, "cs", targetFramework, source, extraProperties, extraItems, files);

    /// <summary>A Visual Basic consumer (Consumer.vbproj, Client.vb), Option Strict On as new VB projects are.</summary>
    public static Consumer CreateVisualBasic(PackageFixture package, string targetFramework, string source, string extraProperties = "", string extraItems = "", params (string Name, string Content)[] files)
        => Create(package, "vb", targetFramework, source, "<OptionStrict>On</OptionStrict>" + extraProperties, extraItems, files);

    private static Consumer Create(PackageFixture package, string language, string targetFramework, string source, string extraProperties, string extraItems, (string Name, string Content)[] files)
    {
        var directory = Path.Combine(package.WorkDirectory, "consumer-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);

        // Stop at this folder: the repository's Directory.Build.props and central package versions must not leak in.
        File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(directory, "global.json"), "{ \"sdk\": { \"version\": \"10.0.100\", \"rollForward\": \"latestMajor\" } }");
        File.WriteAllText(Path.Combine(directory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="tlsmin-local" value="{package.Feed}" />
              </packageSources>
            </configuration>
            """);
        File.WriteAllText(Path.Combine(directory, "Consumer." + language + "proj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>{targetFramework}</TargetFramework>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <Nullable>disable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                {extraProperties}
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="TlsMinAnalyzer" Version="{package.Version}" />
                {extraItems}
              </ItemGroup>
            </Project>
            """);
        var sourceName = "Client." + language;
        File.WriteAllText(Path.Combine(directory, sourceName), source);
        foreach (var (name, content) in files)
        {
            File.WriteAllText(Path.Combine(directory, name), content);
        }

        return new Consumer(directory, Path.Combine(package.WorkDirectory, "packages"), sourceName);
    }
}
