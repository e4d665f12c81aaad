using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Robustness;

/// <summary>
/// The code the robustness suite feeds the analyzers: every C# snippet the rule tests contain (read from the test sources,
/// markup removed) and every sample app file. New tests grow the corpus without anyone maintaining a list.
/// </summary>
internal static class Corpus
{
    private static readonly Regex Markup = new Regex(@"\{\|(#\d+|TLS\d{3}):|\|\}|\[\||\|\]", RegexOptions.Compiled);

    public static IReadOnlyList<string> TestSnippets { get; } = LoadTestSnippets();

    public static IReadOnlyList<(string Name, string Text)> SampleFiles { get; } = Directory
        .GetFiles(Repository.PathOf("samples", "LegacyMailer"), "*.cs")
        .OrderBy(f => f, StringComparer.Ordinal)
        .Select(f => (Path.GetFileName(f), File.ReadAllText(f)))
        .ToList();

    private static List<string> LoadTestSnippets()
    {
        var snippets = new List<string>();
        foreach (var file in Directory.GetFiles(Repository.PathOf("tests", "TlsMinAnalyzer.Tests", "Rules"), "*.cs").OrderBy(f => f, StringComparer.Ordinal))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var literal in root.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (!literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) && !literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                {
                    continue;
                }

                var text = Markup.Replace(literal.Token.ValueText, string.Empty);
                if (text.Contains("class ", StringComparison.Ordinal) || text.Contains("using ", StringComparison.Ordinal))
                {
                    snippets.Add(text);
                }
            }
        }

        return snippets;
    }
}
