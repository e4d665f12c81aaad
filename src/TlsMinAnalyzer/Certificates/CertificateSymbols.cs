using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>The types TLS002 needs, looked up once per compilation.</summary>
internal sealed class CertificateSymbols
{
    private readonly ImmutableArray<INamedTypeSymbol> _certificateDataTypes;
    private readonly ImmutableArray<(INamedTypeSymbol Type, string Member)> _clientCertificateHooks;

    private CertificateSymbols(
        INamedTypeSymbol sslPolicyErrors,
        ImmutableArray<INamedTypeSymbol> certificateDataTypes,
        ImmutableArray<(INamedTypeSymbol, string)> clientCertificateHooks,
        INamedTypeSymbol? acceptAnyValidatorOwner)
    {
        SslPolicyErrors = sslPolicyErrors;
        _certificateDataTypes = certificateDataTypes;
        _clientCertificateHooks = clientCertificateHooks;
        AcceptAnyValidatorOwner = acceptAnyValidatorOwner;
        foreach (var member in sslPolicyErrors.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field)
            {
                AllErrorBits |= EnumExtensions.ToBits(field.ConstantValue);
            }
        }
    }

    public INamedTypeSymbol SslPolicyErrors { get; }

    // A method installed as a callback in several places (one per stream a client opens) is judged once per compilation.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, CallbackVerdict> _methodVerdicts =
        new System.Collections.Concurrent.ConcurrentDictionary<IMethodSymbol, CallbackVerdict>(SymbolEqualityComparer.Default);

    /// <summary>The callback's verdict, computed once for a method or local function however often it is installed.</summary>
    public CallbackVerdict Judge(ResolvedCallback callback)
        => callback.Method is { } method
            ? _methodVerdicts.GetOrAdd(method, _ => CallbackAnalysis.Analyze(callback.Body, callback.Errors, this))
            : CallbackAnalysis.Analyze(callback.Body, callback.Errors, this);

    /// <summary>Every <c>SslPolicyErrors</c> flag of this target, combined: the error combinations a callback is run against.</summary>
    public int AllErrorBits { get; }

    public INamedTypeSymbol? AcceptAnyValidatorOwner { get; }

    /// <summary>The bundle, or null when the compilation has no <c>SslPolicyErrors</c> (then no hook can exist).</summary>
    public static CertificateSymbols? Create(Compilation compilation)
    {
        if (compilation.FindType(CertificateValidation.SslPolicyErrorsMetadataName) is not { } sslPolicyErrors)
        {
            return null;
        }

        var data = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var name in CertificateValidation.CertificateDataTypes)
        {
            if (compilation.FindType(name) is { } type)
            {
                data.Add(type);
            }
        }

        var hooks = ImmutableArray.CreateBuilder<(INamedTypeSymbol, string)>();
        foreach (var member in CertificateValidation.ClientCertificateHooks)
        {
            if (compilation.FindType(member.TypeMetadataName) is { } type)
            {
                hooks.Add((type, member.Name));
            }
        }

        return new CertificateSymbols(
            sslPolicyErrors,
            data.ToImmutable(),
            hooks.ToImmutable(),
            compilation.FindType(CertificateValidation.AcceptAnyValidator.TypeMetadataName));
    }

    /// <summary>A delegate type that returns bool and takes an <c>SslPolicyErrors</c>: a server-certificate validation hook.</summary>
    public bool IsValidationHook(ITypeSymbol? type)
    {
        // A hook takes the sender or request, the certificate, the chain and the errors: a LINQ predicate has one parameter.
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } invoke }
            || invoke.Parameters.Length < 2
            || invoke.ReturnType.SpecialType != SpecialType.System_Boolean)
        {
            return false;
        }

        foreach (var parameter in invoke.Parameters)
        {
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, SslPolicyErrors))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsErrorsParameter(IParameterSymbol parameter) => SymbolEqualityComparer.Default.Equals(parameter.Type, SslPolicyErrors);

    /// <summary>A certificate or chain parameter: looking at it is the callback's own validation.</summary>
    public bool IsCertificateData(ITypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            foreach (var data in _certificateDataTypes)
            {
                if (SymbolEqualityComparer.Default.Equals(current, data))
                {
                    return true;
                }
            }
        }

        return false;
    }

    public bool IsClientCertificateHook(ISymbol? member)
    {
        if (member is null)
        {
            return false;
        }

        foreach (var (type, name) in _clientCertificateHooks)
        {
            if (member.Name == name && SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, type))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsAcceptAnyValidator(IPropertySymbol property)
        => property.Name == CertificateValidation.AcceptAnyValidator.Name
           && SymbolEqualityComparer.Default.Equals(property.ContainingType, AcceptAnyValidatorOwner);
}
