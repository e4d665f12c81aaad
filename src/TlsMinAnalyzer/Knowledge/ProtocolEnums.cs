using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>An enum whose values select TLS/SSL versions. Any member or parameter of such a type is a TLS setting.</summary>
internal readonly struct ProtocolEnum
{
    public ProtocolEnum(string metadataName, string systemDefaultMember)
    {
        MetadataName = metadataName;
        SystemDefaultMember = systemDefaultMember;
    }

    public string MetadataName { get; }

    /// <summary>The member that lets the operating system pick the versions (checked for existence before use).</summary>
    public string SystemDefaultMember { get; }
}

/// <summary>
/// The protocol enums the rules know. A setting typed with one of these (a property, field, parameter or return value, in
/// the framework, a library such as MailKit or Kestrel, or user code) is recognised by its type, so a new API needs no entry.
/// </summary>
internal static class ProtocolEnums
{
    public static readonly ImmutableArray<ProtocolEnum> All = ImmutableArray.Create(
        new ProtocolEnum("System.Security.Authentication.SslProtocols", "None"),
        new ProtocolEnum("System.Net.SecurityProtocolType", "SystemDefault"));

    /// <summary>The process-wide holder of <c>SecurityProtocolType</c>; obsolete on modern .NET (SYSLIB0014).</summary>
    public const string ServicePointManagerMetadataName = "System.Net.ServicePointManager";
}
