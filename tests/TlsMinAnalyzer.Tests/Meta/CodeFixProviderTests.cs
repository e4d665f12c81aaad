using System.Composition;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace TlsMinAnalyzer.Tests.Meta;

public class CodeFixProviderTests
{
    [Fact]
    public void Fixers_CarryExportAndSharedAttributes_AndFixKnownIds()
    {
        Assert.NotEmpty(Catalogue.CodeFixTypes);
        foreach (var type in Catalogue.CodeFixTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export != null, type.Name + " lacks [ExportCodeFixProvider]");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.Equal(type.Name, export.Name);
            Assert.NotNull(type.GetCustomAttribute<SharedAttribute>());

            var fixer = (CodeFixProvider)System.Activator.CreateInstance(type)!;
            Assert.NotEmpty(fixer.FixableDiagnosticIds);
            Assert.All(fixer.FixableDiagnosticIds, id => Assert.Contains(id, Catalogue.DeclaredIds));
            Assert.Same(WellKnownFixAllProviders.BatchFixer, fixer.GetFixAllProvider());
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
}
