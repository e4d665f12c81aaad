using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Mail;

/// <summary>
/// <c>System.Net.Mail.SmtpClient</c> connections, from the client's set-up in the method that creates it
/// (<see cref="SmtpClientUsage"/>): a client aimed at a server that never sets <c>EnableSsl</c> is cleartext, and each
/// constant <c>EnableSsl</c> assignment decides cleartext (false) or mandatory STARTTLS (true). Pickup-directory delivery
/// sends nothing over the network and yields no connection.
/// </summary>
internal static class SystemNetMailResolver
{
    private const string Api = "SmtpClient";

    [MethodImpl(HotPath.Optimized)]
    public static bool TryResolveCreation(IObjectCreationOperation creation, MailSymbols symbols, out MailConnection connection)
    {
        connection = null!;
        if (!symbols.IsSystemNetMailSmtpClient(creation.Type))
        {
            return false;
        }

        var usage = SmtpClientUsage.Analyze(creation, symbols);
        if (!(usage.HostGiven || usage.PortGiven) || usage.EnableSsl != SslSetting.Unset || !usage.NetworkDelivery || usage.Escapes)
        {
            return false;
        }

        connection = new MailConnection(MailLibrary.SystemNetMail, MailSecurity.None, Api, usage.Target, "EnableSsl is not set", usage.Host, null, creation.Syntax);
        return true;
    }

    /// <summary><c>client.EnableSsl = true/false</c> (a constant, or settings that can leave it false) on a client that sends over the network.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool TryResolveEnableSsl(ISimpleAssignmentOperation assignment, MailSymbols symbols, out MailConnection connection)
    {
        connection = null!;
        if (assignment.Target is not IPropertyReferenceOperation { Property.Name: "EnableSsl" } property
            || !symbols.IsSystemNetMailSmtpClient(property.Property.ContainingType))
        {
            return false;
        }

        // A constant, or a value decided by settings with a cleartext outcome: a condition's arm or a settings class's
        // default (EnableSsl = options.EnableSsl, where EnableSsl { get; set; } = false).
        string? when = null;
        bool enabled;
        if (ValueFlow.Constant(assignment.Value) is { HasValue: true, Value: bool constant })
        {
            enabled = constant;
        }
        else if (ValueFlow.TryWeakArm(assignment.Value, v => v is false, out _, out var decided))
        {
            (enabled, when) = (false, decided);
        }
        else
        {
            return false;
        }

        var usage = SmtpClientUsage.ForInstance(property.Instance, symbols);
        if (usage is { NetworkDelivery: false })
        {
            return false;
        }

        connection = enabled
            ? new MailConnection(MailLibrary.SystemNetMail, MailSecurity.StartTls, Api, usage?.Target ?? "its server", "EnableSsl = " + Names.True(assignment.Syntax.SyntaxTree), usage?.Host, null, assignment.Syntax)
            : new MailConnection(MailLibrary.SystemNetMail, MailSecurity.None, Api, usage?.Target ?? "its server", when is null ? "EnableSsl = " + Names.False(assignment.Syntax.SyntaxTree) : "EnableSsl = " + assignment.Value.Syntax + " " + when, usage?.Host, null, assignment.Value.Syntax);
        return true;
    }
}
