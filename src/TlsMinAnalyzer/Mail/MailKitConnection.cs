using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Mail;

/// <summary>
/// One MailKit connect call resolved the way MailKit resolves it: <c>Auto</c> is <c>SslOnConnect</c> on 465/993/995 and
/// <c>StartTlsWhenAvailable</c> elsewhere (port 0 included); <c>useSsl: false</c> is <c>StartTlsWhenAvailable</c>; URIs
/// <c>smtps</c>/<c>imaps</c>/<c>pops</c> are implicit TLS, plain schemes follow <c>?starttls=always|never</c>.
/// </summary>
internal sealed class MailKitConnection
{
    private MailKitConnection(IInvocationOperation invocation)
    {
        Invocation = invocation;
    }

    public IInvocationOperation Invocation { get; }

    public MailSecurity Security { get; private set; }

    /// <summary>How the code asks for it: "SecureSocketOptions.Auto on port 587", "useSsl: false", "the URI smtp://…".</summary>
    public string Reason { get; private set; } = string.Empty;

    public MailProtocolInfo? Protocol { get; private set; }

    public string ClientName { get; private set; } = "MailService";

    public string? Host { get; private set; }

    /// <summary>
    /// The constant port (0: the protocol's default), or null when the code does not fix it. For the findings, a settings
    /// member's default counts (see <see cref="PortIsSettingsDefault"/>).
    /// </summary>
    public int? Port { get; private set; }

    /// <summary>
    /// The port is a settings member's default (<c>Port { get; set; } = 587</c>): what runs while nobody changes it, so it
    /// decides the finding; but a deployment may change it, so a fix must not rely on it.
    /// </summary>
    public bool PortIsSettingsDefault { get; private set; }

    /// <summary>The port as the code itself fixes it (the constant, 0 for the protocol's default), for the fixes.</summary>
    public int? FixedPort => PortIsSettingsDefault ? null : Port;

    public IArgumentOperation? OptionsArgument { get; private set; }

    public IArgumentOperation? UseSslArgument { get; private set; }

    public IArgumentOperation? PortArgument { get; private set; }

    public IArgumentOperation? UriArgument { get; private set; }

    /// <summary>When the options or useSsl value is decided by a condition: when the weak outcome is chosen ("when port == 587").</summary>
    public string? When { get; private set; }

    /// <summary>The URI's text when it is a constant string.</summary>
    public string? UriText { get; private set; }

    /// <summary>Where a finding goes: the argument that decides, or the call when the decision is a default.</summary>
    public SyntaxNode ReportSyntax
        => (OptionsArgument is { IsImplicit: false } ? OptionsArgument.Value.Syntax : null)
           ?? UseSslArgument?.Value.Syntax
           ?? UriArgument?.Value.Syntax
           ?? Invocation.Syntax;

    /// <summary>"imap.example.com:143", "port 587", "smtp.example.com" — as much as the code says.</summary>
    public string Target
    {
        get
        {
            var port = Port is 0 && Protocol is { } info
                ? (Security == MailSecurity.SslOnConnect ? info.ImplicitTlsPort : info.PlainDefaultPort)
                : Port;
            if (Host != null)
            {
                return port is { } p ? Host + ":" + p.ToString(System.Globalization.CultureInfo.InvariantCulture) : Host;
            }

            return port is { } known ? "port " + known.ToString(System.Globalization.CultureInfo.InvariantCulture) : "the server";
        }
    }


    public static bool TryResolve(IInvocationOperation invocation, MailSymbols symbols, out MailKitConnection connection)
    {
        connection = null!;
        var method = invocation.TargetMethod;
        if (method.Name is not ("Connect" or "ConnectAsync")
            || !symbols.HasMailKit
            || !symbols.IsMailKitService(invocation.Instance?.Type ?? method.ContainingType))
        {
            return false;
        }

        var result = new MailKitConnection(invocation)
        {
            Protocol = symbols.ProtocolOf(invocation.Instance?.Type ?? method.ContainingType),
        };
        result.ClientName = (invocation.Instance?.Type ?? method.ContainingType).Name;

        object? options = null;
        var optionsKnown = false;
        bool? useSsl = null;
        foreach (var argument in invocation.Arguments)
        {
            var constant = ValueFlow.Constant(argument.Value);
            switch (argument.Parameter?.Name)
            {
                case "host":
                    result.Host = constant.HasValue ? constant.Value as string : null;
                    break;
                case "port":
                    result.PortArgument = argument;
                    result.Port = constant.HasValue && constant.Value is int port ? port : (int?)null;
                    // Port { get; set; } = 25: decides what Auto does while nobody changes it (see ResolveOptions).
                    result._defaultPort = result.Port is null ? ValueFlow.DefaultPort(argument.Value) : null;

                    break;
                case "options" when SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, symbols.SecureSocketOptions):
                    result.OptionsArgument = argument;
                    optionsKnown = constant.HasValue;
                    options = constant.HasValue ? constant.Value : null;
                    if (!optionsKnown
                        && ValueFlow.TryWeakArm(
                            argument.Value,
                            v => symbols.SecureSocketOptions!.FindMemberByValue(v)?.Name is "None" or "StartTlsWhenAvailable",
                            v => symbols.SecureSocketOptions!.FindMemberByValue(v)?.Name is "Auto",
                            out var weakOptions,
                            out var optionsWhen))
                    {
                        // Auto is weak or not by the port (ResolveOptions): tried only where no plainly weak value is found.
                        // Decided by a setting: the weak outcome is the finding, and the message says when it happens.
                        (optionsKnown, options, result.When) = (true, weakOptions, optionsWhen);
                    }

                    break;
                case "useSsl":
                    result.UseSslArgument = argument;
                    useSsl = constant.HasValue && constant.Value is bool flag ? flag : (bool?)null;
                    if (useSsl is null && ValueFlow.TryWeakArm(argument.Value, v => v is false, out _, out var useSslWhen))
                    {
                        (useSsl, result.When) = (false, useSslWhen);
                    }

                    break;
                case "uri":
                    result.UriArgument = argument;
                    result.UriText = ReadUriText(argument.Value, symbols);
                    break;
            }
        }

        if (result.UriArgument != null)
        {
            result.ResolveUri();
        }
        else if (result.UseSslArgument != null)
        {
            result.Security = useSsl switch
            {
                true => MailSecurity.SslOnConnect,
                false => MailSecurity.StartTlsWhenAvailable,
                _ => MailSecurity.Unknown,
            };
            result.Reason = Names.NamedArgument(invocation.Syntax.SyntaxTree, "useSsl", useSsl != false) + (result.When is { } decided ? " " + decided : string.Empty);
        }
        else if (optionsKnown || result.OptionsArgument is null)
        {
            // No options argument at all means the Connect(host[, port]) overloads: Auto.
            var name = result.OptionsArgument is null ? "Auto" : symbols.SecureSocketOptions!.FindMemberByValue(options)?.Name;
            result.ResolveOptions(name);
            if (result.When is { } decided && result.Reason.Length > 0)
            {
                result.Reason += " " + decided;
            }
        }

        connection = result;
        return true;
    }

    // The initial value of a settings member passed as the port, when the code gives no constant one.
    private (int Port, ISymbol Member)? _defaultPort;

    private void ResolveOptions(string? name)
    {
        if (name == "Auto" && PortArgument is null)
        {
            Port = 0; // Connect(host): the protocol's default port, where Auto means STARTTLS-if-offered
        }

        if (name == "Auto" && Port is null && _defaultPort is { } initial)
        {
            // Auto on a port from settings decides by the port: the settings class's default is what most users run.
            Port = initial.Port;
            PortIsSettingsDefault = true;
            var portDefault = Names.Of(initial.Member) + " keeps its default (" + initial.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")";
            When = When is { } decided ? decided + " and " + portDefault : "while " + portDefault;
        }

        switch (name)
        {
            case "None":
                Security = MailSecurity.None;
                Reason = "SecureSocketOptions.None";
                break;
            case "SslOnConnect":
                Security = MailSecurity.SslOnConnect;
                Reason = "SecureSocketOptions.SslOnConnect";
                break;
            case "StartTls":
                Security = MailSecurity.StartTls;
                Reason = "SecureSocketOptions.StartTls";
                break;
            case "StartTlsWhenAvailable":
                Security = MailSecurity.StartTlsWhenAvailable;
                Reason = "SecureSocketOptions.StartTlsWhenAvailable";
                break;
            case "Auto" when Port is { } port:
                Security = MailProtocols.IsImplicitTlsPort(port) ? MailSecurity.SslOnConnect : MailSecurity.StartTlsWhenAvailable;
                Reason = (OptionsArgument is { IsImplicit: false } ? "SecureSocketOptions.Auto" : "the default SecureSocketOptions.Auto")
                         + (port == 0 ? " with no port" : " on port " + port.ToString(System.Globalization.CultureInfo.InvariantCulture));
                break;
            default:
                Security = MailSecurity.Unknown;
                break;
        }
    }

    private void ResolveUri()
    {
        if (UriText is null || !Uri.TryCreate(UriText, UriKind.Absolute, out var uri) || MailProtocols.FromScheme(uri.Scheme, out var implicitTls) is not { } info)
        {
            Security = MailSecurity.Unknown;
            return;
        }

        Protocol ??= info;
        Host = uri.Host;
        Port = uri.IsDefaultPort || uri.Port < 0 ? 0 : uri.Port;
        if (implicitTls)
        {
            Security = MailSecurity.SslOnConnect;
            Reason = "the URI " + UriText;
            return;
        }

        var startTls = QueryValue(uri.Query, "starttls");
        Security = startTls?.ToLowerInvariant() switch
        {
            "always" or "true" or "yes" => MailSecurity.StartTls,
            "never" or "false" or "no" => MailSecurity.None,
            _ => MailSecurity.StartTlsWhenAvailable,
        };
        Reason = "the URI " + UriText;
    }

    private static string? QueryValue(string query, string key)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var equals = pair.IndexOf('=');
            if (equals > 0 && string.Equals(pair.Substring(0, equals), key, StringComparison.OrdinalIgnoreCase))
            {
                return Uri.UnescapeDataString(pair.Substring(equals + 1));
            }
        }

        return null;
    }

    private static string? ReadUriText(IOperation value, MailSymbols symbols)
    {
        value = OperationTreeExtensions.StripConversions(value);
        if (value is ILocalReferenceOperation local && ValueFlow.TrySingleWrite(local, out var written))
        {
            value = OperationTreeExtensions.StripConversions(written);
        }

        if (value is IObjectCreationOperation { Constructor: { } constructor } creation
            && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, symbols.Uri)
            && creation.Arguments.Length == 1
            && ValueFlow.Constant(creation.Arguments[0].Value) is { HasValue: true, Value: string text })
        {
            return text;
        }

        return null;
    }
}
