using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Config;

internal enum JsonKind
{
    Object,
    Array,
    String,
    Number,
    Literal,
}

/// <summary>A JSON value with the span it covers in the file.</summary>
internal sealed class JsonNode
{
    public JsonNode(JsonKind kind, TextSpan span, string? text)
    {
        Kind = kind;
        Span = span;
        Text = text;
    }

    public JsonKind Kind { get; }

    public TextSpan Span { get; }

    /// <summary>The unescaped string, or the literal's text (number, true, false, null).</summary>
    public string? Text { get; }

    public List<KeyValuePair<string, JsonNode>> Properties { get; } = new List<KeyValuePair<string, JsonNode>>();

    public List<JsonNode> Items { get; } = new List<JsonNode>();

    /// <summary>The value of a property, matched case-insensitively as .NET configuration does.</summary>
    public JsonNode? Property(string name)
    {
        foreach (var property in Properties)
        {
            if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}

/// <summary>
/// A small reader for .NET configuration JSON (comments and trailing commas allowed) that keeps every value's position, so
/// findings point at the exact array element. Malformed, too large or too deep input gives no tree, never an exception.
/// </summary>
internal sealed class JsonConfig
{
    private readonly string _text;
    private int _position;

    private JsonConfig(string text)
    {
        _text = text;
    }

    // appsettings*.json is read by two config analyzers (Kestrel/YARP protocols, YARP validation): parsed once per text.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, System.Runtime.CompilerServices.StrongBox<JsonNode?>> Parsed =
        new System.Runtime.CompilerServices.ConditionalWeakTable<SourceText, System.Runtime.CompilerServices.StrongBox<JsonNode?>>();

    /// <summary>The tree of a configuration file, or null when it is malformed, too large or too deep; computed once per text.</summary>
    public static JsonNode? TryParse(SourceText text)
        => Parsed.GetValue(text, t => new System.Runtime.CompilerServices.StrongBox<JsonNode?>(Parse(t))).Value;

    private static JsonNode? Parse(SourceText text)
    {
        if (text.Length > ConfigFiles.MaxLength)
        {
            return null;
        }

        var parser = new JsonConfig(text.ToString());
        try
        {
            var root = parser.ParseValue(0);
            parser.SkipTrivia();
            return root != null && parser._position == parser._text.Length ? root : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private JsonNode? ParseValue(int depth)
    {
        if (depth > ConfigFiles.MaxDepth)
        {
            throw new FormatException("too deep");
        }

        SkipTrivia();
        if (_position >= _text.Length)
        {
            throw new FormatException("unexpected end");
        }

        var start = _position;
        switch (_text[_position])
        {
            case '{':
                return ParseObject(depth);
            case '[':
                return ParseArray(depth);
            case '"':
                var value = ParseString();
                return new JsonNode(JsonKind.String, TextSpan.FromBounds(start, _position), value);
            default:
                while (_position < _text.Length && (char.IsLetterOrDigit(_text[_position]) || _text[_position] is '-' or '+' or '.'))
                {
                    _position++;
                }

                if (_position == start)
                {
                    throw new FormatException("unexpected character");
                }

                var literal = _text.Substring(start, _position - start);
                var kind = literal is "true" or "false" or "null" ? JsonKind.Literal : JsonKind.Number;
                if (kind == JsonKind.Number && !double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new FormatException("bad literal");
                }

                return new JsonNode(kind, TextSpan.FromBounds(start, _position), literal);
        }
    }

    private JsonNode ParseObject(int depth)
    {
        var start = _position++;
        var properties = new List<KeyValuePair<string, JsonNode>>();
        while (true)
        {
            SkipTrivia();
            Expect();
            if (_text[_position] == '}')
            {
                _position++;
                break;
            }

            if (_text[_position] != '"')
            {
                throw new FormatException("property name expected");
            }

            var key = ParseString();
            SkipTrivia();
            Expect();
            if (_text[_position++] != ':')
            {
                throw new FormatException("':' expected");
            }

            properties.Add(new KeyValuePair<string, JsonNode>(key, ParseValue(depth + 1)!));
            SkipTrivia();
            Expect();
            if (_text[_position] == ',')
            {
                _position++; // a trailing comma before '}' is allowed
            }
            else if (_text[_position] != '}')
            {
                throw new FormatException("',' or '}' expected");
            }
        }

        var result = new JsonNode(JsonKind.Object, TextSpan.FromBounds(start, _position), null);
        result.Properties.AddRange(properties);
        return result;
    }

    private JsonNode ParseArray(int depth)
    {
        var start = _position++;
        var items = new List<JsonNode>();
        while (true)
        {
            SkipTrivia();
            Expect();
            if (_text[_position] == ']')
            {
                _position++;
                break;
            }

            items.Add(ParseValue(depth + 1)!);
            SkipTrivia();
            Expect();
            if (_text[_position] == ',')
            {
                _position++;
            }
            else if (_text[_position] != ']')
            {
                throw new FormatException("',' or ']' expected");
            }
        }

        var result = new JsonNode(JsonKind.Array, TextSpan.FromBounds(start, _position), null);
        result.Items.AddRange(items);
        return result;
    }

    private string ParseString()
    {
        _position++; // opening quote
        var builder = new StringBuilder();
        while (true)
        {
            Expect();
            var c = _text[_position++];
            if (c == '"')
            {
                return builder.ToString();
            }

            if (c is '\n' or '\r')
            {
                throw new FormatException("newline in string");
            }

            if (c != '\\')
            {
                builder.Append(c);
                continue;
            }

            Expect();
            var escape = _text[_position++];
            switch (escape)
            {
                case '"': builder.Append('"'); break;
                case '\\': builder.Append('\\'); break;
                case '/': builder.Append('/'); break;
                case 'b': builder.Append('\b'); break;
                case 'f': builder.Append('\f'); break;
                case 'n': builder.Append('\n'); break;
                case 'r': builder.Append('\r'); break;
                case 't': builder.Append('\t'); break;
                case 'u':
                    if (_position + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                    {
                        throw new FormatException("bad unicode escape");
                    }

                    builder.Append((char)code);
                    _position += 4;
                    break;
                default:
                    throw new FormatException("bad escape");
            }
        }
    }

    /// <summary>Whitespace, <c>// line</c> and <c>/* block */</c> comments.</summary>
    private void SkipTrivia()
    {
        while (_position < _text.Length)
        {
            var c = _text[_position];
            if (char.IsWhiteSpace(c) || c == '\uFEFF')
            {
                _position++;
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
            {
                while (_position < _text.Length && _text[_position] != '\n')
                {
                    _position++;
                }
            }
            else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
            {
                var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    throw new FormatException("unterminated comment");
                }

                _position = end + 2;
            }
            else
            {
                return;
            }
        }
    }

    private void Expect()
    {
        if (_position >= _text.Length)
        {
            throw new FormatException("unexpected end");
        }
    }
}
