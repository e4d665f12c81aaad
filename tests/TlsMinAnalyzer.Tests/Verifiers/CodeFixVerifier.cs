using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// Thin wrapper over the testing library's code-fix test. It applies the fix with the given equivalence key one diagnostic at
/// a time and through FixAll (document, project, solution), and checks the fixed code compiles and has no remaining finding.
/// </summary>
internal static class CodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static Task VerifyAsync(string source, string fixedSource, string equivalenceKey, ReferenceAssemblies? references = null, int? iterations = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? References.Net80,
        };

        if (iterations is { } count)
        {
            test.NumberOfIncrementalIterations = count;
            test.NumberOfFixAllIterations = 1;
        }

        return test.RunAsync();
    }

    /// <summary>Checks that no code action with <paramref name="equivalenceKey"/> is offered for the findings in the source.</summary>
    public static Task VerifyNotOfferedAsync(string source, string equivalenceKey, ReferenceAssemblies? references = null)
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        {
            TestCode = source,
            FixedCode = source,
            CodeActionEquivalenceKey = equivalenceKey,
            ReferenceAssemblies = references ?? References.Net80,
        };
        return test.RunAsync();
    }
}
