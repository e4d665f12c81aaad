using System.Collections.Generic;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.Text;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TlsMinAnalyzer.Tests.Meta;

public class CodeFixProviderTests
{
    [Fact]
    public void Fixers_CarryTheExportButNotShared_AndFixKnownIds()
    {
        Assert.NotEmpty(Catalogue.CodeFixTypes);
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export != null, type.Name + " lacks [ExportCodeFixProvider]");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            // [Shared] would make the fixer assembly reference System.Composition 8 here, which Visual Studio 2019 cannot load.
            Assert.Null(type.GetCustomAttribute<SharedAttribute>());

            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, Catalogue.DeclaredIds));
            // The batch fixer, behind the package's handling of key-less requests (see FixAllVerificationTests).
            Assert.Same(CodeFixes.Internal.FirstActionFixAll.Instance, fixer.GetFixAllProvider());
            Assert.Equal(WellKnownFixAllProviders.BatchFixer.GetSupportedFixAllScopes(), fixer.GetFixAllProvider()!.GetSupportedFixAllScopes());
        }
    }

    [Fact]
    public void EquivalenceKeys_ArePublicConstantsPrefixedWithTheirId()
    {
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            var keys = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral && f.Name.EndsWith("Key", System.StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(keys);
            foreach (var key in keys)
            {
                var value = (string)key.GetRawConstantValue()!;
                Assert.Contains(fixer.FixableDiagnosticIds, id => value.StartsWith(id + ".", System.StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task Fixers_OfferNothingForConfigFileFindings()
    {
        // Config-file findings live in app.config or appsettings.json: no fixer may touch (or throw on) a C# document for them.
        var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("P", LanguageNames.CSharp).AddDocument("C.cs", "class C { }");
        var location = Location.Create("/p/appsettings.json", new TextSpan(500, 20), new LinePositionSpan(new LinePosition(40, 2), new LinePosition(40, 22)));
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            foreach (var id in fixer.FixableDiagnosticIds)
            {
                var descriptor = Catalogue.Descriptor(id);
                var diagnostic = Diagnostic.Create(descriptor, location, Enumerable.Repeat<object>("x", 4).ToArray());
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                Assert.Empty(actions);
            }
        }
    }
}
