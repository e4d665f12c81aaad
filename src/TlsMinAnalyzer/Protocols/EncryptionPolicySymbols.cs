using Microsoft.CodeAnalysis;

namespace TlsMinAnalyzer.Protocols;

/// <summary><c>EncryptionPolicy</c> and its one safe member, looked up once per compilation (TLS009 and its fix).</summary>
internal sealed class EncryptionPolicySymbols
{
    public const string MetadataName = "System.Net.Security.EncryptionPolicy";

    public const string RequireEncryptionMember = "RequireEncryption";

    private EncryptionPolicySymbols(INamedTypeSymbol policy, IFieldSymbol requireEncryption)
    {
        Policy = policy;
        RequireEncryption = requireEncryption;
    }

    public INamedTypeSymbol Policy { get; }

    public IFieldSymbol RequireEncryption { get; }

    /// <summary>The bundle, or null where <c>EncryptionPolicy</c> (or its <c>RequireEncryption</c>) does not exist.</summary>
    public static EncryptionPolicySymbols? Create(Compilation compilation)
        => compilation.FindType(MetadataName) is { } policy && policy.FindConstantMember(RequireEncryptionMember) is { } require
            ? new EncryptionPolicySymbols(policy, require)
            : null;
}
