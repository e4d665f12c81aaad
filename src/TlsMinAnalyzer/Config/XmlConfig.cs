using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Xml;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Config;

/// <summary>An attribute of a config element, with where its whole <c>name="value"</c> stands in the file.</summary>
internal sealed class XmlConfigAttribute
{
    public XmlConfigAttribute(string name, string value, TextSpan span)
    {
        Name = name;
        Value = value;
        Span = span;
    }

    public string Name { get; }

    public string Value { get; }

    public TextSpan Span { get; }
}

/// <summary>An element of a config file: name, attributes and children, with the span of its start-tag name.</summary>
internal sealed class XmlConfigElement
{
    public XmlConfigElement(string name, TextSpan span)
    {
        Name = name;
        Span = span;
    }

    public string Name { get; }

    public TextSpan Span { get; }

    public List<XmlConfigAttribute> Attributes { get; } = new List<XmlConfigAttribute>();

    public List<XmlConfigElement> Children { get; } = new List<XmlConfigElement>();

    public XmlConfigAttribute? Attribute(string name)
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.Name == name)
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The elements at a path of child names below this one, e.g. "system.net", "mailSettings", "smtp".</summary>
    public IEnumerable<XmlConfigElement> Descendants(params string[] path) => Walk(this, path, 0);

    private static IEnumerable<XmlConfigElement> Walk(XmlConfigElement element, string[] path, int index)
    {
        if (index == path.Length)
        {
            yield return element;
            yield break;
        }

        foreach (var child in element.Children)
        {
            if (child.Name == path[index])
            {
                foreach (var found in Walk(child, path, index + 1))
                {
                    yield return found;
                }
            }
        }
    }
}

/// <summary>
/// Reads app.config/web.config safely: DTD processing prohibited and no resolver, so a config file can never make the build
/// open a file or a URL; size bounded; malformed XML gives no tree (and so no finding), never an exception.
/// </summary>
internal static class XmlConfig
{
    // Several analyzers read the same file (mail settings, switches, network settings): parsed once per text.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, System.Runtime.CompilerServices.StrongBox<XmlConfigElement?>> Parsed =
        new System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, System.Runtime.CompilerServices.StrongBox<XmlConfigElement?>>();

    public static XmlConfigElement? TryParse(SourceText text, CancellationToken cancellationToken)
        => Parsed.GetValue(text, t => new System.Runtime.CompilerServices.StrongBox<XmlConfigElement?>(Parse(t, cancellationToken))).Value;

    private static XmlConfigElement? Parse(SourceText text, CancellationToken cancellationToken)
    {
        if (text.Length > ConfigFiles.MaxLength)
        {
            return null;
        }

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = ConfigFiles.MaxLength,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };

        var content = text.ToString();
        try
        {
            using var reader = XmlReader.Create(new StringReader(content), settings);
            var lineInfo = (IXmlLineInfo)reader;
            var stack = new Stack<XmlConfigElement>();
            XmlConfigElement? root = null;
            while (reader.Read())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    stack.Pop();
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                var nameStart = Offset(text, lineInfo.LineNumber, lineInfo.LinePosition);
                var element = new XmlConfigElement(reader.LocalName, new TextSpan(nameStart, Math.Min(reader.Name.Length, text.Length - nameStart)));
                var isEmpty = reader.IsEmptyElement;
                if (reader.MoveToFirstAttribute())
                {
                    do
                    {
                        var start = Offset(text, lineInfo.LineNumber, lineInfo.LinePosition);
                        element.Attributes.Add(new XmlConfigAttribute(reader.LocalName, reader.Value, new TextSpan(start, AttributeLength(content, start))));
                    }
                    while (reader.MoveToNextAttribute());
                    reader.MoveToElement();
                }

                if (stack.Count == 0)
                {
                    root ??= element;
                }
                else
                {
                    stack.Peek().Children.Add(element);
                }

                if (!isEmpty)
                {
                    stack.Push(element);
                }
            }

            return root;
        }
        catch (XmlException)
        {
            return null; // malformed, truncated, or a DTD: no finding
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    private static int Offset(SourceText text, int line, int column)
    {
        if (line < 1 || line > text.Lines.Count)
        {
            return 0;
        }

        var lineStart = text.Lines[line - 1].Start;
        return Math.Min(lineStart + Math.Max(column - 1, 0), text.Length);
    }

    /// <summary>The length of <c>name = "value"</c> starting at <paramref name="start"/>.</summary>
    private static int AttributeLength(string content, int start)
    {
        var equals = content.IndexOf('=', start);
        if (equals < 0)
        {
            return 0;
        }

        var quote = equals + 1;
        while (quote < content.Length && content[quote] != '"' && content[quote] != '\'')
        {
            quote++;
        }

        if (quote >= content.Length)
        {
            return 0;
        }

        var close = content.IndexOf(content[quote], quote + 1);
        return close < 0 ? 0 : close + 1 - start;
    }
}
