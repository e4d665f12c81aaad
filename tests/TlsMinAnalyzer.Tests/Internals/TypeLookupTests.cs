using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TlsMinAnalyzer.Infrastructure;
using TlsMinAnalyzer.Knowledge;
using TlsMinAnalyzer.Tests.Robustness;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Internals;

/// <summary>
/// <see cref="TypeLookup.FindType"/> answers from the merged global namespace where it can: it must give exactly what
/// <see cref="Compilation.GetTypeByMetadataName"/> gives, for every type the rules look up and for the shapes where a
/// shortcut could differ (ambiguous names, a source type that shadows a reference, extern aliases, nested and generic names).
/// </summary>
public class TypeLookupTests
{
    public static IEnumerable<string> KnowledgeNames()
        => ProtocolEnums.All.Select(e => e.MetadataName)
            .Concat(MailProtocols.All.Select(p => p.ClientMetadataName))
            .Concat(CertificateValidation.Switches.Select(s => s.TypeMetadataName))
            .Concat(CertificateValidation.PlainHooks.Select(s => s.TypeMetadataName))
            .Concat(CertificateValidation.ClientCertificateHooks.Select(h => h.TypeMetadataName))
            .Concat(CertificateValidation.CertificateDataTypes)
            .Concat(CertificateValidation.RequestTypes)
            .Concat(ServerSide.ServerOptionTypes)
            .Concat(new[]
            {
                CertificateValidation.SslPolicyErrorsMetadataName, CertificateValidation.AcceptAnyValidator.TypeMetadataName, Revocation.RevocationModeMetadataName,
                CompatibilitySwitches.AppContextMetadataName, CompatibilitySwitches.RegistryMetadataName, CompatibilitySwitches.RegistryKeyMetadataName,
                MailProtocols.SystemNetMailSmtpClient, MailProtocols.SmtpDeliveryMethod, MailProtocols.MailKitMailService, MailProtocols.MailKitIMailService,
                MailProtocols.SecureSocketOptions, MailProtocols.UriMetadataName, ProtocolEnums.ServicePointManagerMetadataName, ServerSide.SslStreamMetadataName,
            })
            .Distinct();

    [Fact]
    public async Task EveryTypeTheRulesLookUp_IsFoundAsTheCompilationFindsIt()
    {
        var compilation = AnalyzerHarness.Compile(new[] { "class C { }" }, await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit));
        var names = KnowledgeNames().Concat(new[]
        {
            "System.Collections.Generic.List`1", // generic
            "System.Func`99", // no such arity
            "System.Net.Security.NoSuchType", // the namespace exists, the type does not
            "NoSuchRoot.Type", // no such namespace
            "System.Environment+SpecialFolder", // nested
            "C", // a source type in the global namespace
        }).ToList();
        Assert.Contains(names, n => compilation.GetTypeByMetadataName(n) is null);
        Assert.Contains(names, n => compilation.GetTypeByMetadataName(n) is not null);
        Assert.All(names, n => Assert.Same(compilation.GetTypeByMetadataName(n), compilation.FindType(n)));
    }

    [Fact]
    public async Task AmbiguousShadowedAndAliasedNames_AreAnsweredAsTheCompilationAnswers()
    {
        var framework = await AnalyzerHarness.ReferencesAsync(References.Net80);
        MetadataReference Library(string name, string source, params string[] aliases)
            => CSharpCompilation.Create(name, new[] { CSharpSyntaxTree.ParseText(source) }, framework, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
                .ToMetadataReference(aliases.Length == 0 ? default : ImmutableArray.Create(aliases));

        var references = framework
            .Add(Library("One", "namespace Lib { public class Shared { } public class OnlyInOne { } }"))
            .Add(Library("Two", "namespace Lib { public class Shared { } }"))
            .Add(Library("Hidden", "namespace Aliased { public class T { } } namespace Lib { public class Shared { } }", "hidden"))
            .Add(Library("Both", "namespace Visible { public class T { } }", "global", "both"));
        var compilation = AnalyzerHarness.Compile(new[] { "namespace System.Net.Security { public enum SslPolicyErrors { None } }" }, references);

        foreach (var name in new[] { "Lib.Shared", "Lib.OnlyInOne", "Aliased.T", "Visible.T", "System.Net.Security.SslPolicyErrors" })
        {
            Assert.Same(compilation.GetTypeByMetadataName(name), compilation.FindType(name));
        }

        Assert.Null(compilation.FindType("Lib.Shared")); // two assemblies declare it
        Assert.Null(compilation.FindType("Aliased.T")); // only under an extern alias
        Assert.Equal(TypeKind.Enum, compilation.FindType("System.Net.Security.SslPolicyErrors")!.TypeKind);
        Assert.True(compilation.FindType("System.Net.Security.SslPolicyErrors")!.Locations[0].IsInSource); // the compilation's own first
    }

    [Fact]
    public async Task CompilationsWithTheSameReferences_ShareAnswers_AndEachStillFindsItsOwnTypesFirst()
    {
        // An edit in the IDE: the same references, a new compilation. The answers from the references are shared, but a
        // type the edit adds to the compilation's own code takes precedence from then on, and one it removes stops doing so.
        var references = await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit);
        var before = AnalyzerHarness.Compile(new[] { "class C { }" }, references);
        var shadow = CSharpSyntaxTree.ParseText("namespace MailKit.Security { public enum SecureSocketOptions { None } } namespace System.Net.Security { public class SslStream { } }");
        var edited = before.AddSyntaxTrees(shadow);
        var reverted = edited.RemoveSyntaxTrees(shadow);
        var names = KnowledgeNames().ToList();

        foreach (var compilation in new[] { before, edited, reverted, before.WithAssemblyName("Other") })
        {
            Assert.All(names, n => Assert.Same(compilation.GetTypeByMetadataName(n), compilation.FindType(n)));
        }

        Assert.Same(before.FindType(MailProtocols.SmtpDeliveryMethod), reverted.FindType(MailProtocols.SmtpDeliveryMethod)); // the reference's symbol in both
        Assert.True(edited.FindType(MailProtocols.SecureSocketOptions)!.Locations[0].IsInSource);
        Assert.True(edited.FindType(ServerSide.SslStreamMetadataName)!.Locations[0].IsInSource);
        Assert.True(reverted.FindType(MailProtocols.SecureSocketOptions)!.Locations[0].IsInMetadata);

        // Other references (one more library): answers of their own, never the first set's.
        var library = CSharpCompilation.Create("Lib", new[] { CSharpSyntaxTree.ParseText("namespace MailKit.Security { public enum SecureSocketOptions { None } }") }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var more = AnalyzerHarness.Compile(new[] { "class C { }" }, references.Add(library.ToMetadataReference()));
        Assert.All(names, n => Assert.Same(more.GetTypeByMetadataName(n), more.FindType(n)));
        Assert.Null(more.FindType(MailProtocols.SecureSocketOptions)); // now declared by two assemblies
        Assert.NotNull(before.FindType(MailProtocols.SecureSocketOptions));
    }

    [Fact]
    public async Task HasFullName_AgreesWithTheDisplayedName_ForTheNamesTheRulesCompare()
    {
        var compilation = AnalyzerHarness.Compile(
            new[] { "namespace System.Net.Security.Inner { class SslStream { } } class SslStream { } namespace X { class Outer { class Uri { } } }" },
            await AnalyzerHarness.ReferencesAsync(References.Net80WithMailKit));
        var names = ServerSide.ServerOptionTypes.Concat(CertificateValidation.RequestTypes)
            .Concat(new[] { ServerSide.SslStreamMetadataName, CertificateValidation.EnumerableMetadataName }).ToList();
        var types = new List<INamedTypeSymbol?>
        {
            compilation.GetTypeByMetadataName("System.Net.Security.Inner.SslStream"), // same name, longer namespace
            compilation.GetTypeByMetadataName("SslStream"), // same name, global namespace
            compilation.GetTypeByMetadataName("X.Outer+Uri"), // nested
            compilation.GetTypeByMetadataName("System.Collections.Generic.List`1"), // generic
        };
        types.AddRange(names.Select(compilation.GetTypeByMetadataName).Where(t => t is not null));
        Assert.True(types.Count > names.Count / 2);
        foreach (var type in types)
        {
            Assert.NotNull(type);
            foreach (var name in names.Append("SslStream").Append("System.Net.Security.Inner.SslStream"))
            {
                Assert.Equal(type!.ToDisplayString() == name, type.HasFullName(name));
            }
        }
    }
}
