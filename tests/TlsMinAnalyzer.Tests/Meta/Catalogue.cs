using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Tests.Meta;

/// <summary>Every analyzer, descriptor and fixer the shipped assemblies contain, found by reflection.</summary>
internal static class Catalogue
{
    public static Assembly AnalyzerAssembly => typeof(DiagnosticIds).Assembly;

    public static Assembly CodeFixAssembly => typeof(CodeFixes.Rules.DeprecatedProtocolCodeFixProvider).Assembly;

    public static IReadOnlyList<Type> AnalyzerTypes { get; } = AnalyzerAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<Type> CodeFixTypes { get; } = CodeFixAssembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>Every descriptor, including the config-file twins that differ only by the CompilationEnd tag.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> AllDescriptors { get; } = AnalyzerTypes
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Distinct(ReferenceEqualityComparer.Instance) // DiagnosticDescriptor.Equals ignores custom tags: the twins would merge
        .Cast<DiagnosticDescriptor>()
        .ToList();

    /// <summary>One descriptor per ID: the one code findings use.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } = AllDescriptors
        .GroupBy(d => d.Id)
        .Select(g => g.OrderBy(d => d.CustomTags.Contains("CompilationEnd") ? 1 : 0).First())
        .OrderBy(d => d.Id, StringComparer.Ordinal)
        .ToList();

    /// <summary>The values of the public constants in <see cref="DiagnosticIds"/>.</summary>
    public static IReadOnlyList<string> DeclaredIds { get; } = typeof(DiagnosticIds)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .OrderBy(id => id, StringComparer.Ordinal)
        .ToList();

    public static IEnumerable<object[]> DescriptorData() => Descriptors.Select(d => new object[] { d.Id });

    public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);
}
