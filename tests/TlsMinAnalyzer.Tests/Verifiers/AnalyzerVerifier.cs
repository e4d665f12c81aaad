using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>Thin wrapper over the testing library: markup in, findings verified, reference assemblies chosen per call.</summary>
internal static class AnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAsync(string source, ReferenceAssemblies references, params DiagnosticResult[] expected)
        => Run(source, references, OutputKind.DynamicallyLinkedLibrary, expected);

    /// <summary>For top-level statements, which need an executable.</summary>
    public static Task VerifyProgramAsync(string source, params DiagnosticResult[] expected)
        => Run(source, References.Net80, OutputKind.ConsoleApplication, expected);

    private static Task Run(string source, ReferenceAssemblies references, OutputKind outputKind, DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
        {
            TestCode = source,
            ReferenceAssemblies = references,
        };
        test.TestState.OutputKind = outputKind;
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    public static Task VerifyAsync(string source, params DiagnosticResult[] expected) => VerifyAsync(source, References.Net80, expected);
}
