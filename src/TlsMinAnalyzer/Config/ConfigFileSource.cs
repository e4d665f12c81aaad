using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace TlsMinAnalyzer.Config;

/// <summary>The project's config files among its additional files, each once, with locations that point into them.</summary>
internal static class ConfigFileSource
{
    public static IEnumerable<(AdditionalText File, SourceText Text)> Files(AnalyzerOptions options, Func<string, bool> isWanted, CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in options.AdditionalFiles)
        {
            // A file listed twice (by the project and by the package's targets) is read once.
            if (!isWanted(file.Path) || !seen.Add(file.Path.Replace('\\', '/')))
            {
                continue;
            }

            if (file.GetText(cancellationToken) is { } text)
            {
                yield return (file, text);
            }
        }
    }

    /// <summary>The app.config/web.config-style files whose root is <c>&lt;configuration&gt;</c>, parsed safely.</summary>
    public static IEnumerable<(AdditionalText File, SourceText Text, XmlConfigElement Configuration)> XmlConfigurations(AnalyzerOptions options, CancellationToken cancellationToken)
    {
        foreach (var (file, text) in Files(options, Knowledge.ConfigFiles.IsXmlConfig, cancellationToken))
        {
            if (XmlConfig.TryParse(text, cancellationToken) is { Name: "configuration" } root)
            {
                yield return (file, text, root);
            }
        }
    }

    public static Location Location(AdditionalText file, SourceText text, TextSpan span)
        => Microsoft.CodeAnalysis.Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));

    public static string FileName(AdditionalText file) => Path.GetFileName(file.Path);
}
