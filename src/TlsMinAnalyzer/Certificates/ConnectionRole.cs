using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

/// <summary>
/// Tells a server's TLS set-up from a client's, from what the code around a setting shows: an argument of
/// <c>AuthenticateAsServer</c>, a member of a server-only options type, or an <c>SslStream</c> authenticated as the server —
/// by the method that creates it, by another member of its type in this file (a stream kept in a field), by a method of any
/// file it is handed to, or by the callers of a private factory that returns it. There the remote certificate is a
/// client's: TLS002 and TLS006 do not report, and the fixes leave the set-up alone. Where the role cannot be seen (a stream
/// handed to code the compilation does not contain), the set-up is judged as the client's, the side RFC 8997 protects.
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
            if (current.HasFullName(ServerSide.SslStreamMetadataName))
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
            foreach (var server in ServerSide.ServerOptionTypes)
            {
                if (current.HasFullName(server))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private const int MaxRoleHops = 2;

    /// <summary>
    /// The stream is authenticated as the server: directly (<c>new SslStream(...).AuthenticateAsServer(...)</c>), through the
    /// local or field that holds it (anywhere in the same body; for a field, any member of its type in this file), by a method
    /// it is handed to (<c>await _handshake.RunAsync(stream)</c>, in any file: that method authenticates its parameter as
    /// the server), or by the callers of the private factory that returns it.
    /// </summary>
    private static bool IsAuthenticatedAsServer(IObjectCreationOperation creation) => IsServerStream(creation, 0);

    private static bool IsServerStream(IOperation stream, int hops)
    {
        var parent = stream.Consumer();
        switch (parent)
        {
            case IInvocationOperation direct when IsAuthenticateAsServer(direct.TargetMethod):
                return true;
            case IArgumentOperation argument:
                return IsGivenToServerAuthentication(argument, hops);
            case IReturnOperation when hops < MaxRoleHops
                                       && stream.SemanticModel is { } factoryModel
                                       && factoryModel.GetEnclosingSymbol(stream.Syntax.SpanStart) is IMethodSymbol { MethodKind: MethodKind.Ordinary } factory
                                       && MemberReaders.AreAllIn(factory, factoryModel.SyntaxTree):
                // private SslStream Wrap(Stream inner) => new SslStream(inner, false, ...): what its callers do with it.
                foreach (var call in MemberReaders.InType(factory, factoryModel, default, System.Threading.CancellationToken.None))
                {
                    if (call is IInvocationOperation && IsServerStream(call, hops + 1))
                    {
                        return true;
                    }
                }

                return false;
        }

        ISymbol? holder = parent switch
        {
            IVariableInitializerOperation initializer => initializer.InitializedLocal(),
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation local } => local.Local,
            ISimpleAssignmentOperation { Target: IFieldReferenceOperation field } => field.Field,
            _ => null,
        };

        if (holder is null)
        {
            return false;
        }

        foreach (var descendant in stream.Root().Descendants())
        {
            if (IsServerUse(descendant, holder, hops))
            {
                return true;
            }
        }

        // A stream kept in a field (created in the constructor, authenticated by the method that serves the connection):
        // the other members of its type in this file.
        if (holder is IFieldSymbol heldIn && stream.SemanticModel is { } model)
        {
            foreach (var read in MemberReaders.InType(heldIn, model, stream.Syntax.Span, System.Threading.CancellationToken.None))
            {
                if (read.Parent is { } user && IsServerUse(user, holder, hops))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The holder is authenticated as the server here, or handed to a method that does it.</summary>
    private static bool IsServerUse(IOperation operation, ISymbol holder, int hops)
        => IsServerAuthentication(operation, holder)
           || (operation is IArgumentOperation { Value: { } passed } argument
               && SymbolEqualityComparer.Default.Equals(passed.StripConversions().ReferencedSymbol(), holder)
               && IsGivenToServerAuthentication(argument, hops));

    /// <summary>
    /// The stream is an argument of a method of the compilation (any file) that authenticates that parameter as the server,
    /// itself or through one more method it hands it to.
    /// </summary>
    private static bool IsGivenToServerAuthentication(IArgumentOperation argument, int hops)
    {
        if (hops >= MaxRoleHops
            || argument.Parameter is not { RefKind: RefKind.None, ContainingSymbol: IMethodSymbol method } parameter
            || method.IsAbstract || method.IsExtern
            || argument.SemanticModel is not { } model
            || OperationTreeExtensions.BodyOf(method, model, out _) is not { } body)
        {
            return false;
        }

        // The body refers to the declared parameter, not to a generic method's constructed one.
        var declared = parameter.OriginalDefinition;
        foreach (var operation in body.Descendants())
        {
            if (IsServerUse(operation, declared, hops + 1))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsServerAuthentication(IOperation operation, ISymbol holder)
        => operation is IInvocationOperation { Instance: { } instance } invocation
           && IsAuthenticateAsServer(invocation.TargetMethod)
           && SymbolEqualityComparer.Default.Equals(instance.StripConversions().ReferencedSymbol(), holder);
}
