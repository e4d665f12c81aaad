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
}
