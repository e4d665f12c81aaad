using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Mail;

/// <summary>The mail types, looked up once per compilation.</summary>
internal sealed class MailSymbols
{
    private readonly ImmutableArray<(INamedTypeSymbol Client, MailProtocolInfo Info)> _mailKitClients;

    private MailSymbols(
        INamedTypeSymbol? smtpClient,
        INamedTypeSymbol? deliveryMethod,
        INamedTypeSymbol? mailService,
        INamedTypeSymbol? mailServiceInterface,
        INamedTypeSymbol? secureSocketOptions,
        ImmutableArray<(INamedTypeSymbol, MailProtocolInfo)> mailKitClients,
        INamedTypeSymbol? uri)
    {
        SmtpClient = smtpClient;
        DeliveryMethod = deliveryMethod;
        MailService = mailService;
        MailServiceInterface = mailServiceInterface;
        SecureSocketOptions = secureSocketOptions;
        _mailKitClients = mailKitClients;
        Uri = uri;
    }

    /// <summary><c>System.Net.Mail.SmtpClient</c>.</summary>
    public INamedTypeSymbol? SmtpClient { get; }

    public INamedTypeSymbol? DeliveryMethod { get; }

    public INamedTypeSymbol? MailService { get; }

    public INamedTypeSymbol? MailServiceInterface { get; }

    public INamedTypeSymbol? SecureSocketOptions { get; }

    public INamedTypeSymbol? Uri { get; }

    public bool HasMailKit => SecureSocketOptions != null && (MailService != null || MailServiceInterface != null);

    /// <summary>The bundle, or null when the compilation references neither System.Net.Mail nor MailKit.</summary>
    public static MailSymbols? Create(Compilation compilation)
    {
        var smtpClient = compilation.FindType(MailProtocols.SystemNetMailSmtpClient);
        var mailService = compilation.FindType(MailProtocols.MailKitMailService);
        var mailServiceInterface = compilation.FindType(MailProtocols.MailKitIMailService);
        if (smtpClient is null && mailService is null && mailServiceInterface is null)
        {
            return null;
        }

        var clients = ImmutableArray.CreateBuilder<(INamedTypeSymbol, MailProtocolInfo)>();
        foreach (var info in MailProtocols.All)
        {
            if (compilation.FindType(info.ClientMetadataName) is { } client)
            {
                clients.Add((client, info));
            }
        }

        return new MailSymbols(
            smtpClient,
            compilation.FindType(MailProtocols.SmtpDeliveryMethod),
            mailService,
            mailServiceInterface,
            compilation.FindType(MailProtocols.SecureSocketOptions),
            clients.ToImmutable(),
            compilation.FindType(MailProtocols.UriMetadataName));
    }

    public bool IsSystemNetMailSmtpClient(ITypeSymbol? type) => type != null && SymbolEqualityComparer.Default.Equals(type, SmtpClient);

    /// <summary>A MailKit service: derives from <c>MailService</c> or implements <c>IMailService</c>.</summary>
    public bool IsMailKitService(ITypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, MailService) || SymbolEqualityComparer.Default.Equals(current, MailServiceInterface))
            {
                return true;
            }
        }

        if (type != null && MailServiceInterface != null)
        {
            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented, MailServiceInterface))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The protocol of a MailKit client type (also of classes deriving from it), or null when unknown.</summary>
    public MailProtocolInfo? ProtocolOf(ITypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            foreach (var (client, info) in _mailKitClients)
            {
                if (SymbolEqualityComparer.Default.Equals(current, client))
                {
                    return info;
                }
            }
        }

        return null;
    }
}
