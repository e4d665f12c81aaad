using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// The package's <c>.editorconfig</c> options, read once per file (C# files and config files alike; global analyzer config
/// values apply to both). Unknown or malformed values fall back to the default; reading never throws.
/// </summary>
internal sealed class TlsOptions
{
    /// <summary><c>1.2</c> (default) or <c>1.3</c>: at 1.3, TLS001 also reports sets that enable TLS 1.2.</summary>
    public const string MinimumVersionKey = "tlsmin.minimum_tls_version";

    /// <summary><c>true</c> (default) or <c>false</c>: whether the mail rules skip <c>localhost</c>, <c>127.0.0.0/8</c>, <c>::1</c>.</summary>
    public const string ExemptLoopbackKey = "tlsmin.exempt_loopback_hosts";

    /// <summary>Comma-separated host names the mail rules treat like loopback (internal relays); exact, case-insensitive.</summary>
    public const string ExemptHostsKey = "tlsmin.exempt_hosts";

    public static readonly TlsOptions Default = new TlsOptions(minimumTls13: false, exemptLoopback: true, ImmutableHashSet<string>.Empty);

    private TlsOptions(bool minimumTls13, bool exemptLoopback, ImmutableHashSet<string> exemptHosts)
    {
        MinimumTls13 = minimumTls13;
        ExemptLoopback = exemptLoopback;
        ExemptHosts = exemptHosts;
    }

    public bool MinimumTls13 { get; }

    public bool ExemptLoopback { get; }

    public ImmutableHashSet<string> ExemptHosts { get; }

    /// <summary>The version bits TLS001 reports under this policy.</summary>
    public int DeprecatedMask => ProtocolVersions.DeprecatedMaskFor(MinimumTls13);

    /// <summary>True for a host the mail rules do not report: loopback (unless switched off) or listed in exempt_hosts.</summary>
    public bool IsExemptHost(string? host)
    {
        if (host is null)
        {
            return false;
        }

        return (ExemptLoopback && MailProtocols.IsLoopback(host)) || ExemptHosts.Contains(host.Trim().TrimEnd('.'));
    }

    public static TlsOptions Read(AnalyzerConfigOptions? options)
    {
        if (options is null)
        {
            return Default;
        }

        var minimumTls13 = options.TryGetValue(MinimumVersionKey, out var minimum) && minimum.Trim() == "1.3";
        var exemptLoopback = !options.TryGetValue(ExemptLoopbackKey, out var loopback)
                             || !string.Equals(loopback.Trim(), "false", StringComparison.OrdinalIgnoreCase);
        var hosts = ImmutableHashSet.Create<string>(StringComparer.OrdinalIgnoreCase);
        if (options.TryGetValue(ExemptHostsKey, out var list))
        {
            foreach (var host in list.Split(','))
            {
                var trimmed = host.Trim().TrimEnd('.');
                if (trimmed.Length > 0)
                {
                    hosts = hosts.Add(trimmed);
                }
            }
        }

        return !minimumTls13 && exemptLoopback && hosts.IsEmpty ? Default : new TlsOptions(minimumTls13, exemptLoopback, hosts);
    }
}

/// <summary>Options per syntax tree, parsed once per compilation and tree rather than in every callback.</summary>
internal sealed class TlsOptionsCache
{
    private readonly AnalyzerOptions _options;
    private readonly ConcurrentDictionary<SyntaxTree, TlsOptions> _perTree = new ConcurrentDictionary<SyntaxTree, TlsOptions>();

    public TlsOptionsCache(AnalyzerOptions options)
    {
        _options = options;
    }

    public TlsOptions For(SyntaxTree tree)
        => _perTree.GetOrAdd(tree, t => TlsOptions.Read(_options.AnalyzerConfigOptionsProvider.GetOptions(t)));
}
