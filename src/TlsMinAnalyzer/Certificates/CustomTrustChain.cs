using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>
/// An <c>X509Chain</c> the code builds to check a certificate against its own CA: in the same member its policy is given a
/// CA (<c>ExtraStore.Add(ca)</c> with <c>X509VerificationFlags.AllowUnknownCertificateAuthority</c>, or
/// <c>CustomTrustStore</c> / <c>TrustMode = X509ChainTrustMode.CustomRootTrust</c>). That is pinning to a private CA, which
/// rarely publishes revocation lists; its <c>RevocationMode = NoCheck</c> is not the platform's validation switched off, and
/// TLS006 does not report it. A chain whose policy only adds intermediates to <c>ExtraStore</c> still trusts the system's
/// roots, and is reported.
/// </summary>
internal static class CustomTrustChain
{
    /// <summary>True when <paramref name="assignment"/> sets <c>X509ChainPolicy.RevocationMode</c> of a chain its member anchors to its own CA.</summary>
    public static bool IsRevocationModeOfAnchoredChain(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Target is not IPropertyReferenceOperation { Instance: { } policy } target
            || !target.Property.ContainingType.HasFullName(Revocation.ChainPolicyFullName)
            || Holder(policy) is not { } holder)
        {
            return false;
        }

        var extraStore = false;
        var unknownAuthorities = false;
        foreach (var operation in assignment.Root().Descendants())
        {
            switch (operation)
            {
                case IInvocationOperation { Instance: IPropertyReferenceOperation { Property.Name: var store, Instance: { } storePolicy } }
                    when (store == Revocation.ExtraStore || store == Revocation.CustomTrustStore) && IsPolicyOf(storePolicy, holder):
                    if (store == Revocation.CustomTrustStore)
                    {
                        return true;
                    }

                    extraStore = true;
                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: var name, Instance: { } setPolicy }, Value: var value }
                    when (name == Revocation.TrustMode || name == Revocation.VerificationFlags) && IsPolicyOf(setPolicy, holder):
                    if (name == Revocation.TrustMode && NamesMember(value, Revocation.CustomRootTrust))
                    {
                        return true;
                    }

                    unknownAuthorities |= name == Revocation.VerificationFlags && NamesMember(value, Revocation.AllowUnknownCertificateAuthority);
                    break;
            }

            if (extraStore && unknownAuthorities)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPolicyOf(IOperation policy, ISymbol holder) => SymbolEqualityComparer.Default.Equals(Holder(policy), holder);

    /// <summary>
    /// What holds the policy: the chain's (or a standalone policy's) local, parameter, field or property, through
    /// <c>chain.ChainPolicy</c>, object initializers (<c>new X509Chain { ChainPolicy = { RevocationMode = ... } }</c>) and
    /// Visual Basic's <c>With chain.ChainPolicy</c> blocks.
    /// </summary>
    private static ISymbol? Holder(IOperation? operation, int depth = 0)
    {
        if (depth > 4 || operation is null)
        {
            return null;
        }

        switch (operation)
        {
            case IPropertyReferenceOperation { Property.Name: Revocation.ChainPolicyProperty, Instance: { } chain }:
                return Holder(chain, depth + 1);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver when receiver.WithExpression() is { } with:
                return Holder(with, depth + 1);
            case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } receiver:
                for (var parent = receiver.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is IObjectOrCollectionInitializerOperation initializer)
                    {
                        return initializer.Parent switch
                        {
                            IMemberInitializerOperation member => Holder(member.InitializedMember, depth + 1),
                            IObjectCreationOperation creation => HolderOfCreated(creation),
                            _ => null,
                        };
                    }
                }

                return null;
            default:
                return operation.ReferencedSymbol();
        }
    }

    private static ISymbol? HolderOfCreated(IOperation creation) => creation.Consumer() switch
    {
        IVariableInitializerOperation initializer => initializer.InitializedLocal(),
        ISimpleAssignmentOperation { Target: var target } => target.ReferencedSymbol(),
        IFieldInitializerOperation { InitializedFields.Length: 1 } field => field.InitializedFields[0],
        _ => null,
    };

    /// <summary>True when the value names that enum member (alone, or ORed with others).</summary>
    private static bool NamesMember(IOperation value, string member)
    {
        foreach (var operation in value.DescendantsAndSelf())
        {
            if (operation is IFieldReferenceOperation { Field.Name: var name } && name == member)
            {
                return true;
            }
        }

        return false;
    }
}
