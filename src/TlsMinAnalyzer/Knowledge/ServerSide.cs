using System.Collections.Immutable;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>
/// How code shows that a TLS set-up is a server's: there the remote certificate is the <em>client's</em>, and what a
/// client-side fix would do (remove a callback, check client certificates' revocation) changes whom the server accepts.
/// </summary>
internal static class ServerSide
{
    /// <summary>Methods that authenticate this end as the server (SslStream, NegotiateStream), with their async and APM forms.</summary>
    public static readonly ImmutableArray<string> AuthenticateAsServerMethods = ImmutableArray.Create(
        "AuthenticateAsServer",
        "AuthenticateAsServerAsync",
        "BeginAuthenticateAsServer");

    /// <summary>The stream a server authenticates with <see cref="AuthenticateAsServerMethods"/> (derived streams too).</summary>
    public const string SslStreamMetadataName = "System.Net.Security.SslStream";

    /// <summary>Types whose settings only ever configure the server end of a connection.</summary>
    public static readonly ImmutableArray<string> ServerOptionTypes = ImmutableArray.Create(
        "System.Net.Security.SslServerAuthenticationOptions",
        "Microsoft.AspNetCore.Server.Kestrel.Https.HttpsConnectionAdapterOptions",
        "Microsoft.AspNetCore.Authentication.Certificate.CertificateAuthenticationOptions");
}
