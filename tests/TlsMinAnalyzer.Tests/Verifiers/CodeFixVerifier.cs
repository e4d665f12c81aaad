using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// Thin wrapper over the testing library's code-fix test. It applies the fix with the given equivalence key one diagnostic at
/// a time and through FixAll (document, project, solution), and checks the fixed code compiles and has no remaining finding.
/// </summary>
internal static class CodeFixVerifier<TRule, TCodeFix>
    where TRule : RuleScope, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, TestTarget? target = null, string? editorConfig = null)
    {
        var test = new RuleFixTest()
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = (target ?? References.Net80).Assemblies,
        };
        if (editorConfig != null)
        {
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*]\n" + editorConfig));
        }

        return RunAsync(test, target);
    }

    /// <summary>
    /// Checks that the action with <paramref name="equivalenceKey"/> is the <em>first</em> one offered — the one Fix All in
    /// an IDE's light bulb and <c>dotnet format analyzers</c> apply — that its title is <paramref name="title"/>, and what it produces.
    /// </summary>
    public static Task VerifyFirstAsync(string source, string fixedSource, string equivalenceKey, string title, TestTarget? target = null)
    {
        var test = new RuleFixTest()
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionIndex = 0,
            CodeActionEquivalenceKey = equivalenceKey,
            CodeActionVerifier = (action, verifier) => verifier.Equal(title, action.Title),
            ReferenceAssemblies = (target ?? References.Net80).Assemblies,
        };
        return RunAsync(test, target);
    }

    /// <summary>Several documents in one project: FixAll must fix each, in document, project and solution scope.</summary>
    public static Task VerifyAsync(string[] sources, string[] fixedSources, string equivalenceKey, TestTarget? target = null)
    {
        var test = new RuleFixTest()
        {
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = (target ?? References.Net80).Assemblies,
        };
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(("/0/Test" + i + ".cs", sources[i]));
            test.FixedState.Sources.Add(("/0/Test" + i + ".cs", fixedSources[i]));
        }

        return RunAsync(test, target);
    }

    /// <summary>Checks that no code action with <paramref name="equivalenceKey"/> is offered for the findings in the source.</summary>
    public static Task VerifyNotOfferedAsync(string source, string equivalenceKey, TestTarget? target = null)
    {
        var test = new RuleFixTest()
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = (target ?? References.Net80).Assemblies,
        };
        return RunAsync(test, target);
    }

    private static async Task RunAsync(RuleFixTest test, TestTarget? target)
    {
        // Markup left in the fixed code is a finding the fix must leave in place (a server's set-up, say), not one to ignore.
        test.FixedState.MarkupHandling = MarkupMode.Allow;
        test.DisabledDiagnostics.AddRange(new TRule().OtherIds());
        (target ?? References.Net80).ApplyTo(test.TestState);
        await References.EnsureResolvedAsync();
        await test.RunAsync();
    }

    /// <summary>The testing library's C# code-fix test, run with the analyzers that report the rule.</summary>
    private sealed class RuleFixTest : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    {
        protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new TRule().Analyzers();

        /// <summary>Markup without an ID (<c>[|…|]</c>) means the rule under test, whichever family analyzer reports it.</summary>
        protected override DiagnosticDescriptor? GetDefaultDiagnostic(DiagnosticAnalyzer[] analyzers) => Catalogue.Descriptor(new TRule().Id);
    }
}
