using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Operations;
using Xunit;

namespace TlsMinAnalyzer.Tests.Internals;

/// <summary>The per-document name scan reads in 4096-character chunks: a name must be found wherever it falls.</summary>
public class SourceTextExtensionsTests
{
    private const string Name = "DangerousAcceptAnyServerCertificateValidator";

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    [InlineData(4096 - 20)] // straddles the first chunk boundary
    [InlineData(4096 - 44)] // ends exactly at the boundary (the name has 44 characters)
    [InlineData(4096)] // starts exactly at the boundary
    [InlineData(3 * 4096 - 1)] // straddles a later boundary
    public void NameAnywhere_IsFound(int offset)
    {
        var text = SourceText.From(new string(' ', offset) + Name + new string(' ', 50));
        Assert.True(text.FindNames(new[] { Name }) != 0);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4096 - 20)]
    public void NameWithOneCharacterChanged_IsNotFound(int offset)
    {
        var text = SourceText.From(new string(' ', offset) + Name.Replace("Any", "Ant") + new string(' ', 10000));
        Assert.False(text.FindNames(new[] { Name }) != 0);
    }

    [Fact]
    public void TextShorterThanTheName_IsNotFound() => Assert.False(SourceText.From("Dangerous").FindNames(new[] { Name }) != 0);

    [Theory]
    [InlineData("client.Connect(host, 25);", 0)]
    [InlineData("client.Connect (host, 25);", 0)] // MailKit's own style
    [InlineData("client.Connect\r\n    (host, 25);", 0)]
    [InlineData("client.Connect _\r\n (host, 25)", 0)] // a Visual Basic line continuation
    [InlineData("client.Connect(host, 25);", 4096 - 10)] // the name straddles a chunk boundary
    [InlineData("client.Connect(host, 25);", 4096 - 15)] // the parenthesis is the first character of the next chunk
    public void CallName_IsFoundWhereverTheParenthesisFollows(string call, int offset)
        => Assert.True(SourceText.From(new string(' ', offset) + call + new string(' ', 10)).FindNames(new[] { "Connect(" }) != 0);

    [Theory]
    [InlineData("if (client.IsConnected) { }")]
    [InlineData("client.Disconnect(true);")] // a different name: the scan is a substring match, and this one is followed by '('
    [InlineData("var s = ConnectionString;")]
    [InlineData("Action a = client.Connect;")]
    [InlineData("client.Connect")] // the text ends before any parenthesis
    public void CallName_IsNotFoundWithoutTheCall(string text)
    {
        // "Disconnect(" holds the letters "connect(" in lower case: only a Visual Basic scan folds case.
        Assert.False(SourceText.From(text).FindNames(new[] { "Connect(" }) != 0);
    }

    [Fact]
    public void CallName_WhiteSpaceRunningPastTheLookahead_CountsAsFound()
    {
        // Never miss a call: a parenthesis further away than the scan reads past its chunk is assumed.
        var text = SourceText.From(new string(' ', 4096 - 10) + "x.Connect" + new string(' ', 200) + "(h);");
        Assert.True(text.FindNames(new[] { "Connect(" }) != 0);
    }

    [Fact]
    public void LocatedNames_AreListedAtEveryOccurrence_InTextOrder_WhereverTheyFall()
    {
        // The mail gate asks which member makes a Connect call: every occurrence counts, not just the first, including one
        // across a chunk boundary; names that are not located are still only found.
        var names = new[] { "Connect(", "ConnectAsync(", "SmtpClient" };
        var first = "c.Connect(h, 1); SmtpClient s; ";
        var second = "await c.ConnectAsync (h); c.Disconnect(true); c.Connect(h, 2);";
        var padding = 4096 - first.Length - 12;
        var text = first + new string(' ', padding) + second;
        var positions = new List<(int Position, int Name)>();
        var found = SourceText.From(text).FindNames(names, ignoreCase: false, located: 0b011u, positions);
        Assert.Equal(0b111u, found);
        Assert.Equal(
            new[] { (text.IndexOf("Connect(", StringComparison.Ordinal), 0), (text.IndexOf("ConnectAsync", StringComparison.Ordinal), 1), (text.LastIndexOf("Connect(", StringComparison.Ordinal), 0) },
            positions);
    }
}
