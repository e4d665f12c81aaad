using System.Collections.Immutable;
using System.Text;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>One protocol version as the .NET protocol enums encode it.</summary>
internal readonly struct ProtocolVersion
{
    public ProtocolVersion(string memberName, int bits, string displayName, string? deprecatedBy)
    {
        MemberName = memberName;
        Bits = bits;
        DisplayName = displayName;
        DeprecatedBy = deprecatedBy;
    }

    /// <summary>The enum member name shared by <c>SslProtocols</c> and <c>SecurityProtocolType</c>.</summary>
    public string MemberName { get; }

    public int Bits { get; }

    public string DisplayName { get; }

    /// <summary>The RFC that deprecated the version, or null for a current version.</summary>
    public string? DeprecatedBy { get; }

    public bool IsDeprecated => DeprecatedBy != null;
}

/// <summary>
/// The protocol versions and their bits. <c>SslProtocols</c> and <c>SecurityProtocolType</c> share one bit layout
/// (Ssl3 = 48, Tls = 192, Tls11 = 768, Tls12 = 3072, Tls13 = 12288), so one table serves both.
/// </summary>
internal static class ProtocolVersions
{
    public static readonly ImmutableArray<ProtocolVersion> All = ImmutableArray.Create(
        new ProtocolVersion("Ssl2", 0x000C, "SSL 2.0", "RFC 6176"),
        new ProtocolVersion("Ssl3", 0x0030, "SSL 3.0", "RFC 7568"),
        new ProtocolVersion("Tls", 0x00C0, "TLS 1.0", "RFC 8996"),
        new ProtocolVersion("Tls11", 0x0300, "TLS 1.1", "RFC 8996"),
        new ProtocolVersion("Tls12", 0x0C00, "TLS 1.2", null),
        new ProtocolVersion("Tls13", 0x3000, "TLS 1.3", null));

    /// <summary>Every bit that belongs to a deprecated version.</summary>
    public const int DeprecatedMask = 0x000C | 0x0030 | 0x00C0 | 0x0300;

    /// <summary>The bits a policy reports: the deprecated versions, and TLS 1.2 too when the minimum is TLS 1.3.</summary>
    public static int DeprecatedMaskFor(bool minimumTls13) => minimumTls13 ? DeprecatedMask | Tls12Bits : DeprecatedMask;

    /// <summary>TLS 1.2's bits: deprecated too when the project's policy is TLS 1.3 only.</summary>
    public const int Tls12Bits = 0x0C00;

    /// <summary>TLS 1.3's bits.</summary>
    public const int Tls13Bits = 0x3000;

    public const string Tls12Member = "Tls12";

    public const string Tls13Member = "Tls13";

    /// <summary>"SSL 3.0, TLS 1.0 and TLS 1.1" for the versions whose bits are set.</summary>
    public static string DescribeVersions(int bits) => Join(bits, reference: false);

    /// <summary>"RFC 7568 and RFC 8996": the documents that deprecate the versions whose bits are set.</summary>
    public static string DescribeReferences(int bits) => Join(bits, reference: true);

    private static string Join(int bits, bool reference)
    {
        var parts = ImmutableArray.CreateBuilder<string>();
        foreach (var version in All)
        {
            if ((bits & version.Bits) == 0)
            {
                continue;
            }

            var text = reference ? version.DeprecatedBy : version.DisplayName; // TLS 1.2 has no RFC that deprecates it
            if (text != null && !parts.Contains(text))
            {
                parts.Add(text);
            }
        }

        var builder = new StringBuilder();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(i == parts.Count - 1 ? " and " : ", ");
            }

            builder.Append(parts[i]);
        }

        return builder.ToString();
    }
}
