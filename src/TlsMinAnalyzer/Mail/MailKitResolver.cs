using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.Operations;

namespace TlsMinAnalyzer.Mail;

/// <summary>MailKit connections: each <c>Connect</c>/<c>ConnectAsync</c> call, resolved as MailKit resolves it (<see cref="MailKitConnection"/>).</summary>
internal static class MailKitResolver
{
    [MethodImpl(HotPath.Optimized)]
    public static bool TryResolve(IInvocationOperation invocation, MailSymbols symbols, out MailConnection connection)
    {
        connection = null!;
        if (!MailKitConnection.TryResolve(invocation, symbols, out var call) || call.Security == MailSecurity.Unknown)
        {
            return false;
        }

        connection = new MailConnection(
            MailLibrary.MailKit,
            call.Security,
            call.ClientName + "." + invocation.TargetMethod.Name,
            call.Target,
            call.Reason,
            call.Host,
            call.Protocol,
            call.ReportSyntax);
        return true;
    }
}
