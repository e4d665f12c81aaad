using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.Diagnostics;
using TlsMinAnalyzer.Tests.Meta;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>
/// What a rule test verifies: one rule ID. Every shipped analyzer that reports the ID takes part (a rule can be reported by a
/// family analyzer and a config-file analyzer), and the other IDs those analyzers report are disabled, so a TLS001 test does
/// not see the TLS005 findings its family analyzer also makes.
/// </summary>
internal abstract class RuleScope
{
    protected RuleScope(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary>The analyzers that report <see cref="Id"/>, new instances each time (the testing library may run them in parallel).</summary>
    public ImmutableArray<DiagnosticAnalyzer> Analyzers()
        => Catalogue.AnalyzerTypes
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .Where(a => a.SupportedDiagnostics.Any(d => d.Id == Id))
            .ToImmutableArray();

    /// <summary>The IDs the participating analyzers report besides this one.</summary>
    public IEnumerable<string> OtherIds()
        => Analyzers().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Where(id => id != Id).Distinct();
}

internal sealed class Tls001 : RuleScope { public Tls001() : base(DiagnosticIds.DeprecatedProtocol) { } }

internal sealed class Tls002 : RuleScope { public Tls002() : base(DiagnosticIds.CertificateValidationDisabled) { } }

internal sealed class Tls003 : RuleScope { public Tls003() : base(DiagnosticIds.MailWithoutTls) { } }

internal sealed class Tls004 : RuleScope { public Tls004() : base(DiagnosticIds.OptionalStartTls) { } }

internal sealed class Tls005 : RuleScope { public Tls005() : base(DiagnosticIds.PinnedVersions) { } }

internal sealed class Tls006 : RuleScope { public Tls006() : base(DiagnosticIds.RevocationCheckDisabled) { } }

internal sealed class Tls007 : RuleScope { public Tls007() : base(DiagnosticIds.WeakeningSwitch) { } }

internal sealed class Tls008 : RuleScope { public Tls008() : base(DiagnosticIds.PreferImplicitTls) { } }

internal sealed class Tls009 : RuleScope { public Tls009() : base(DiagnosticIds.NullEncryption) { } }
