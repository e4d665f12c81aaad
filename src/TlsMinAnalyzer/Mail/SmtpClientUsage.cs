using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Mail;

internal enum SslSetting
{
    /// <summary>Nothing in the method sets <c>EnableSsl</c>: it stays false.</summary>
    Unset,
    True,
    False,

    /// <summary>Set from a value the code does not fix.</summary>
    Unknown,
}

/// <summary>
/// How one <c>System.Net.Mail.SmtpClient</c> is set up within the method that creates it: constructor, initializer, later
/// assignments through its local (also in <c>using</c> statements and declarations). A client that leaves the method's
/// hands (passed to another method, stored, returned) is <see cref="Escapes"/>: other code may configure it.
/// </summary>
internal sealed class SmtpClientUsage
{
    private SmtpClientUsage(IObjectCreationOperation creation)
    {
        Creation = creation;
    }

    public IObjectCreationOperation Creation { get; }

    public ILocalSymbol? Local { get; private set; }

    public string? Host { get; private set; }

    public bool HostGiven { get; private set; }

    public int? Port { get; private set; }

    public bool PortGiven { get; private set; }

    // The initial value of a settings member given as the port, for the message only (a deployment may change it).
    private (int Port, ISymbol Member)? _portDefault;

    /// <summary>The port argument or assignment value, for the fix.</summary>
    public IOperation? PortValue { get; private set; }

    public SslSetting EnableSsl { get; private set; }

    /// <summary>Pickup-directory delivery sends nothing over the network; unknown delivery is treated like it.</summary>
    public bool NetworkDelivery { get; private set; } = true;

    public bool Escapes { get; private set; }

    /// <summary>
    /// "smtp.example.com:25", "mail.example.com:587", "port 25", "the configured host on the configured port" — as much as the
    /// code says. A port given by a value the analysis cannot read is the configured one, never the default 25.
    /// </summary>
    public string Target
    {
        get
        {
            // A constant port, or SmtpClient's default 25 when none is given; otherwise the configured one (its settings default when it has one).
            var port = Port is { } known ? known : PortGiven ? (int?)null : MailProtocols.SmtpRelayPort;
            var portText = port?.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var portPhrase = portText != null ? "port " + portText
                : _portDefault is { } initial ? "port " + initial.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) + " (" + Names.Of(initial.Member) + "'s default)"
                : "the configured port";
            if (Host != null)
            {
                return portText != null ? Host + ":" + portText : Host + " on " + portPhrase;
            }

            return HostGiven ? "the configured host on " + portPhrase : portPhrase;
        }
    }

    public static SmtpClientUsage Analyze(IObjectCreationOperation creation, MailSymbols symbols)
    {
        var usage = new SmtpClientUsage(creation);
        foreach (var argument in creation.Arguments)
        {
            usage.Record(argument.Parameter?.Name switch { "host" => "Host", "port" => "Port", _ => null }, argument.Value, symbols);
        }

        if (creation.Initializer != null)
        {
            foreach (var initializer in creation.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                {
                    usage.Record(property.Property.Name, assignment.Value, symbols);
                }
            }
        }

        usage.FollowLocal(symbols);
        return usage;
    }

    /// <summary>The client an <c>EnableSsl</c> assignment belongs to, when it is a local created in the same method.</summary>
    public static SmtpClientUsage? ForInstance(IOperation? instance, MailSymbols symbols)
    {
        switch (instance)
        {
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver }
                when instance.Parent?.Parent?.Parent is IObjectOrCollectionInitializerOperation { Parent: IObjectCreationOperation creation }:
                // new SmtpClient(...) { EnableSsl = ... }: receiver -> property -> assignment -> initializer -> creation
                return Analyze(creation, symbols);
            case IInstanceReferenceOperation receiver when receiver.WithExpression() is { } withExpression:
                // VB: With client ... .EnableSsl = False ... End With
                return ForInstance(withExpression, symbols);
            case ILocalReferenceOperation local:
                foreach (var operation in OperationTreeExtensions.Root(local).Descendants())
                {
                    if (operation is IObjectCreationOperation creation && symbols.IsSystemNetMailSmtpClient(creation.Type))
                    {
                        var usage = Analyze(creation, symbols);
                        if (SymbolEqualityComparer.Default.Equals(usage.Local, local.Local))
                        {
                            return usage;
                        }
                    }
                }

                return null;
            default:
                return null;
        }
    }

    private void Record(string? property, IOperation value, MailSymbols symbols)
    {
        var constant = ValueFlow.Constant(value);
        switch (property)
        {
            case "Host":
                HostGiven = true;
                Host = constant.HasValue ? constant.Value as string : null;
                break;
            case "Port":
                PortGiven = true;
                PortValue = value;
                Port = constant.HasValue && constant.Value is int port ? port : (int?)null;
                _portDefault = Port is null ? ValueFlow.DefaultPort(value) : null;
                break;
            case "EnableSsl":
                EnableSsl = !constant.HasValue ? SslSetting.Unknown : constant.Value is true ? SslSetting.True : SslSetting.False;
                break;
            case "DeliveryMethod":
                NetworkDelivery &= constant.HasValue && symbols.DeliveryMethod != null
                    && EnumExtensions.FindConstantMember(symbols.DeliveryMethod, MailProtocols.NetworkDelivery) is { } network
                    && Equals(EnumExtensions.ToBits(constant.Value), EnumExtensions.ToBits(network.ConstantValue));
                break;
        }
    }

    private void FollowLocal(MailSymbols symbols)
    {
        IOperation current = Creation;
        while (current.Parent is IConversionOperation)
        {
            current = current.Parent;
        }

        switch (current.Parent)
        {
            case IVariableInitializerOperation initializer when initializer.InitializedLocal() is { } local:
                Local = local;
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target }:
                Local = target.Local;
                break;
            case IInvocationOperation invocation when invocation.Instance == current:
            case IPropertyReferenceOperation:
                return; // new SmtpClient("host").Send(message): used right here, nothing else can configure it
            default:
                Escapes = true; // stored in a field, returned, passed on: configured elsewhere
                return;
        }

        foreach (var operation in OperationTreeExtensions.Root(Creation).Descendants())
        {
            if (operation is not ILocalReferenceOperation reference || !SymbolEqualityComparer.Default.Equals(reference.Local, Local))
            {
                continue;
            }

            if (reference.Parent.IsWithBlockOf(reference))
            {
                // VB: With client ... End With: its .Member assignments configure the client.
                RecordWithBlock(reference.Parent!, reference, symbols);
                continue;
            }

            switch (reference.Parent)
            {
                case IPropertyReferenceOperation { Parent: ISimpleAssignmentOperation assignment } property when assignment.Target == property:
                    Record(property.Property.Name, assignment.Value, symbols);
                    break;
                case IPropertyReferenceOperation:
                case IInvocationOperation { Instance: { } } invocation when invocation.Instance == reference:
                case IEventReferenceOperation:
                case ISimpleAssignmentOperation assigned when assigned.Target == reference:
                    break;
                default:
                    Escapes = true;
                    break;
            }
        }
    }

    private void RecordWithBlock(IOperation block, IOperation expression, MailSymbols symbols)
    {
        foreach (var operation in block.Descendants())
        {
            if (operation is IPropertyReferenceOperation { Instance: IInstanceReferenceOperation receiver, Parent: ISimpleAssignmentOperation assignment } property
                && assignment.Target == property
                && receiver.WithExpression() == expression)
            {
                Record(property.Property.Name, assignment.Value, symbols);
            }
        }
    }
}
