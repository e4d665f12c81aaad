using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// Every symbol bundle of one compilation, looked up once and shared by all analyzers of that compilation and by the code
/// fixes (which see the same compilation through their document's semantic model). Each bundle is built on first use, so a
/// compilation that never asks for the mail types never looks them up. A bundle is null when the compilation lacks the types
/// it needs: a rule then registers nothing.
/// </summary>
internal sealed class CompilationSymbols
{
    // Keyed weakly by compilation, as Roslyn's own analyzers cache per-compilation data: an entry lives exactly as long as the
    // compilation, and concurrent callers of the same compilation get the same instance.
    private static readonly ConditionalWeakTable<Compilation, CompilationSymbols> Cache = new ConditionalWeakTable<Compilation, CompilationSymbols>();
    private static readonly ConditionalWeakTable<Compilation, CompilationSymbols>.CreateValueCallback Factory = c => new CompilationSymbols(c);

    private readonly Lazy<TlsSymbols?> _tls;
    private readonly Lazy<MailSymbols?> _mail;
    private readonly Lazy<CertificateSymbols?> _certificates;
    private readonly Lazy<RevocationSymbols?> _revocation;
    private readonly Lazy<EncryptionPolicySymbols?> _encryptionPolicy;
    private readonly Lazy<INamedTypeSymbol?> _appContext;
    private readonly Lazy<ValidationSwitchSymbols?> _validationSwitches;

    private CompilationSymbols(Compilation compilation)
    {
        const LazyThreadSafetyMode Mode = LazyThreadSafetyMode.ExecutionAndPublication;
        _tls = new Lazy<TlsSymbols?>(() => TlsSymbols.Create(compilation), Mode);
        _mail = new Lazy<MailSymbols?>(() => MailSymbols.Create(compilation), Mode);
        _certificates = new Lazy<CertificateSymbols?>(() => CertificateSymbols.Create(compilation), Mode);
        _revocation = new Lazy<RevocationSymbols?>(() => RevocationSymbols.Create(compilation), Mode);
        _encryptionPolicy = new Lazy<EncryptionPolicySymbols?>(() => EncryptionPolicySymbols.Create(compilation), Mode);
        _appContext = new Lazy<INamedTypeSymbol?>(() => compilation.FindType(CompatibilitySwitches.AppContextMetadataName), Mode);
        _validationSwitches = new Lazy<ValidationSwitchSymbols?>(() => ValidationSwitchSymbols.Create(compilation), Mode);
    }

    /// <summary>The protocol enums (TLS001, TLS005), or null when the compilation has none.</summary>
    public TlsSymbols? Tls => _tls.Value;

    /// <summary>System.Net.Mail and MailKit (TLS003, TLS004, TLS008), or null when neither is referenced.</summary>
    public MailSymbols? Mail => _mail.Value;

    /// <summary>Certificate validation hooks (TLS002), or null without <c>SslPolicyErrors</c>.</summary>
    public CertificateSymbols? Certificates => _certificates.Value;

    /// <summary>Revocation settings (TLS006), or null without any of them.</summary>
    public RevocationSymbols? Revocation => _revocation.Value;

    /// <summary><c>EncryptionPolicy</c> (TLS009), or null where it does not exist.</summary>
    public EncryptionPolicySymbols? EncryptionPolicy => _encryptionPolicy.Value;

    /// <summary><c>System.AppContext</c>, whose <c>SetSwitch</c> the switch rules (TLS006, TLS007) watch.</summary>
    public INamedTypeSymbol? AppContext => _appContext.Value;

    /// <summary>Library settings that skip certificate validation (TLS002), or null when the compilation has none.</summary>
    public ValidationSwitchSymbols? ValidationSwitches => _validationSwitches.Value;

    public static CompilationSymbols For(Compilation compilation) => Cache.GetValue(compilation, Factory);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel> _models =
        new System.Collections.Concurrent.ConcurrentDictionary<SyntaxTree, SemanticModel>();

    /// <summary>
    /// The semantic model of <paramref name="tree"/>: <paramref name="current"/> when it is that file's, otherwise another
    /// file's model of the same compilation, built once — for the few values a rule follows into another file (a validator
    /// class's method, a settings class's default, a helper's returns). Null when the tree is not part of the compilation.
    /// </summary>
    public static SemanticModel? ModelOf(SemanticModel current, SyntaxTree tree)
        => current.SyntaxTree == tree ? current : For(current.Compilation).ModelFor(current.Compilation, tree);

    private SemanticModel? ModelFor(Compilation compilation, SyntaxTree tree)
    {
        if (!compilation.ContainsSyntaxTree(tree))
        {
            return null;
        }

#pragma warning disable RS1030 // Following a value into another file needs that file's model; it is built once per compilation, for the few members followed.
        return _models.GetOrAdd(tree, t => compilation.GetSemanticModel(t));
#pragma warning restore RS1030
    }
}
