using System;
using System.IO;

namespace TlsMinAnalyzer.Knowledge;

/// <summary>Which additional files are configuration the rules read, and the limits they read them within.</summary>
internal static class ConfigFiles
{
    /// <summary>Larger files are skipped: configuration is small, and a build must not slow down on a data file.</summary>
    public const int MaxLength = 2 * 1024 * 1024;

    /// <summary>Deeper JSON is skipped rather than recursed into.</summary>
    public const int MaxDepth = 64;

    /// <summary>app.config, web.config, their transforms (web.Release.config) and output-style copies (*.exe.config).</summary>
    public static bool IsXmlConfig(string path)
    {
        var name = Path.GetFileName(path);
        if (!name.EndsWith(".config", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return name.StartsWith("app.", StringComparison.OrdinalIgnoreCase)
               || name.StartsWith("web.", StringComparison.OrdinalIgnoreCase)
               || name.EndsWith(".exe.config", StringComparison.OrdinalIgnoreCase)
               || name.EndsWith(".dll.config", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Ocelot's route files: ocelot.json and ocelot.{Environment}.json.</summary>
    public static bool IsOcelot(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("ocelot", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Ocelot's route arrays (<c>ReRoutes</c> before Ocelot 16) and the per-route switch that skips validation.</summary>
    public static readonly string[] OcelotRouteSections = { "Routes", "ReRoutes" };

    public const string OcelotAcceptAny = "DangerousAcceptAnyServerCertificateValidator";

    /// <summary>appsettings.json and appsettings.{Environment}.json.</summary>
    public static bool IsAppSettings(string path)
    {
        var name = Path.GetFileName(path);
        return name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>YARP's reverse-proxy section: <c>ReverseProxy:Clusters:{name}:HttpClient</c> configures each cluster's client.</summary>
    public const string ReverseProxySection = "ReverseProxy";

    public const string ReverseProxyClusters = "Clusters";

    public const string ReverseProxyHttpClient = "HttpClient";

    /// <summary>YARP's switch that installs an accept-any validation callback on a cluster's client.</summary>
    public const string DangerousAcceptAnyServerCertificate = "DangerousAcceptAnyServerCertificate";

    /// <summary>The protocol list of Kestrel's endpoints and of YARP's cluster clients.</summary>
    public const string SslProtocols = "SslProtocols";
}
