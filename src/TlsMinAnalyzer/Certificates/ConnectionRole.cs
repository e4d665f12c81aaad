using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>
/// Tells a server's TLS set-up from a client's, from what the code around a setting shows: an argument of
/// <c>AuthenticateAsServer</c>, a member of a server-only options type, or an <c>SslStream</c> created in a method that
/// authenticates it (or, for a stream kept in a field, a member of the same type in the same file) as the server. There the
/// remote certificate is a client's: TLS002 and TLS006 do not report, and the fixes leave the set-up alone. Where the role
/// cannot be seen (a stream handed to code elsewhere), the set-up is judged as the client's, the side RFC 8997 protects.
/// </summary>
internal static class ConnectionRole
{
    /// <summary>True when the operation (an argument, an assignment, a value inside either) configures the server end.</summary>
    public static bool IsServerSide(IOperation operation)
    {
        for (var current = operation; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation { Parameter.ContainingSymbol: IMethodSymbol method }:
                    if (IsAuthenticateAsServer(method))
                    {
                        return true;
                    }

                    break;
                case IAssignmentOperation { Target: IPropertyReferenceOperation property } when IsServerOptionType(property.Property.ContainingType):
                    return true;
                case IObjectCreationOperation creation when IsSslStream(creation.Type):
                    return IsAuthenticatedAsServer(creation);
            }

            if (current != operation && current is IBlockOperation or IMethodBodyOperation or IAnonymousFunctionOperation or ILocalFunctionOperation)
            {
                break;
            }
        }

        return false;
    }

    private static bool IsAuthenticateAsServer(IMethodSymbol method)
    {
        foreach (var name in ServerSide.AuthenticateAsServerMethods)
        {
            if (method.Name == name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSslStream(ITypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            if (current.ToDisplayString() == ServerSide.SslStreamMetadataName)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsServerOptionType(INamedTypeSymbol? type)
    {
        for (var current = type; current != null; current = current.BaseType)
        {
            var name = current.ToDisplayString();
            foreach (var server in ServerSide.ServerOptionTypes)
            {
                if (name == server)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The stream is stored in a local or field that the same method authenticates as the server.</summary>
    private static bool IsAuthenticatedAsServer(IObjectCreationOperation creation)
    {
        var parent = creation.Consumer();

        ISymbol? holder = parent switch
        {
            IVariableInitializerOperation initializer => initializer.InitializedLocal(),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };

        // new SslStream(...).AuthenticateAsServer(...) directly, or through the variable anywhere in the same body.
        if (parent is IInvocationOperation direct && IsAuthenticateAsServer(direct.TargetMethod))
        {
            return true;
        }

        if (holder is null)
        {
            return false;
        }

        foreach (var descendant in creation.Root().Descendants())
        {
            if (IsServerAuthentication(descendant, holder))
            {
                return true;
            }
        }

        // A stream kept in a field (created in the constructor, authenticated by the method that serves the connection):
        // the other members of its type in this file.
        if (holder is IFieldSymbol heldIn && creation.SemanticModel is { } model)
        {
            foreach (var read in MemberReaders.InType(heldIn, model, creation.Syntax.Span, System.Threading.CancellationToken.None))
            {
                if (read.Parent is { } user && IsServerAuthentication(user, holder))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsServerAuthentication(IOperation operation, ISymbol holder)
        => operation is IInvocationOperation { Instance: { } instance } invocation
           && IsAuthenticateAsServer(invocation.TargetMethod)
           && SymbolEqualityComparer.Default.Equals(Referenced(instance.StripConversions()), holder);

    private static ISymbol? Referenced(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IFieldReferenceOperation field => field.Field,
        _ => null,
    };
}
