using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.CodeFixes.Internal.Protocols;

/// <summary>Where a TLS001 fix writes its change.</summary>
internal enum ProtocolFixSite
{
    /// <summary>At the reported value itself: nothing else reads it, or everything that does is a TLS setting.</summary>
    AtWrite,

    /// <summary>At the settings that read a shared constant or mapping; the constant or mapping stays for its other readers.</summary>
    AtSettings,

    /// <summary>Nowhere: a mapping whose readers this document cannot all see, or that no setting here reads.</summary>
    None,
}

/// <summary>
/// A deprecated protocol value written where other code reads it too: a private constant also used in a comparison or a
/// display name, or the arms of a private mapping method (<c>2 => SslProtocols.Tls11, 1 => SslProtocols.Tls</c>).
/// Rewriting such a write changes every reader, so the fix goes to the TLS settings that read it instead: a constant
/// reader becomes the current versions, a mapping's result keeps only the current versions and the mapping keeps its
/// meaning.
/// </summary>
internal sealed class SharedProtocolWrite
{
    private SharedProtocolWrite(ISymbol? holder, bool isMapping, List<IOperation> settingReaders, int otherReaders, ProtocolFixSite site)
    {
        Holder = holder;
        IsMapping = isMapping;
        SettingReaders = settingReaders;
        OtherReaders = otherReaders;
        Site = site;
    }

    /// <summary>The constant, field or method whose value the write defines; null when the value is written straight into a setting.</summary>
    public ISymbol? Holder { get; }

    /// <summary>The write is one arm of a switch in a method: the method maps something to versions.</summary>
    public bool IsMapping { get; }

    /// <summary>Reads of <see cref="Holder"/> that reach a TLS setting, in this document.</summary>
    public List<IOperation> SettingReaders { get; }

    /// <summary>Reads of <see cref="Holder"/> that are not TLS settings (comparisons, names, method groups).</summary>
    public int OtherReaders { get; private set; }

    public ProtocolFixSite Site { get; private set; }

    /// <summary>
    /// For a holder other files can read (not private): where its setting readers are in every document of the project,
    /// found by a reference search (<see cref="AnalyzeAsync"/>). Empty for a private holder, whose readers are all here.
    /// </summary>
    public Dictionary<DocumentId, List<TextSpan>> SettingReadersElsewhere { get; } = new Dictionary<DocumentId, List<TextSpan>>();

    /// <summary>"Map()" or "Tls11Value": the holder as the titles name it.</summary>
    public string HolderName => Holder is IMethodSymbol ? Holder.Name + "()" : Holder?.Name ?? string.Empty;

    /// <summary>
    /// <see cref="Analyze"/>, and for a holder that other files can read, a search of the project for its readers: a public
    /// constant compared elsewhere, or a public mapping, is then fixed at the settings that read it, in whatever file.
    /// </summary>
    public static async Task<SharedProtocolWrite> AnalyzeAsync(IOperation value, Document document, SemanticModel model, TlsSymbols symbols, CancellationToken cancellationToken)
    {
        var write = Analyze(value, model, symbols, cancellationToken);
        if (write.Holder is not { } holder || holder is ILocalSymbol || MemberReaders.AreAllIn(holder, model.SyntaxTree))
        {
            return write;
        }

        var documents = ImmutableHashSet.CreateRange(document.Project.Documents);
        var references = await SymbolFinder.FindReferencesAsync(holder, document.Project.Solution, documents, cancellationToken).ConfigureAwait(false);
        var others = 0;
        var settings = 0;
        foreach (var referenced in references)
        {
            foreach (var location in referenced.Locations)
            {
                if (location.IsImplicit
                    || await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                    || await location.Document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } documentModel
                    || MemberReaders.ReadAt(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true), holder, documentModel, cancellationToken) is not { } reader)
                {
                    continue;
                }

                if (reader is not IMethodReferenceOperation && ProtocolFlow.FindDestination(reader, symbols).Kind is DestinationKind.Setting or DestinationKind.Variable)
                {
                    if (!write.SettingReadersElsewhere.TryGetValue(location.Document.Id, out var spans))
                    {
                        write.SettingReadersElsewhere[location.Document.Id] = spans = new List<TextSpan>();
                    }

                    spans.Add(reader.Syntax.Span);
                    settings++;
                }
                else
                {
                    others++;
                }
            }
        }

        write.OtherReaders = others;
        write.Site = !write.IsMapping && others == 0 ? ProtocolFixSite.AtWrite
            : settings > 0 ? ProtocolFixSite.AtSettings
            : ProtocolFixSite.None;
        return write;
    }

    /// <summary>
    /// The solution with every setting reader found by <see cref="AnalyzeAsync"/> changed by <paramref name="edit"/>, which
    /// gets each reader's own document (its rewriter spells the enum for that file). A holder other files can read stays.
    /// </summary>
    public async Task<Solution> FixSettingsAsync(
        Solution solution,
        System.Func<Document, IOperation, (SyntaxNode Target, SyntaxNode? Replacement, bool StillReads)> edit,
        CancellationToken cancellationToken)
    {
        foreach (var entry in SettingReadersElsewhere)
        {
            var document = solution.GetDocument(entry.Key);
            if (document is null
                || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root
                || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } model)
            {
                continue;
            }

            var readers = new List<IOperation>();
            foreach (var span in entry.Value)
            {
                if (MemberReaders.ReadAt(root.FindNode(span, getInnermostNodeForTie: true), Holder!, model, cancellationToken) is { } reader)
                {
                    readers.Add(reader);
                }
            }

            solution = solution.WithDocumentSyntaxRoot(document.Id, FixSettings(root, readers, reader => edit(document, reader)));
        }

        return solution;
    }

    public static SharedProtocolWrite Analyze(IOperation value, SemanticModel model, TlsSymbols symbols, CancellationToken cancellationToken)
    {
        var holder = FindHolder(value, model, cancellationToken, out var isMapping);
        var readers = new List<IOperation>();
        if (holder is null)
        {
            return new SharedProtocolWrite(null, false, readers, 0, ProtocolFixSite.AtWrite);
        }

        if (holder is ILocalSymbol local)
        {
            // A local given its value once and read by a setting and by something else (a comparison, a log line).
            var localOthers = 0;
            foreach (var operation in value.Root().Descendants())
            {
                if (operation is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    if (reference.IsAssignmentTarget())
                    {
                        return new SharedProtocolWrite(null, false, readers, 0, ProtocolFixSite.AtWrite); // written again: as written
                    }

                    if (ProtocolFlow.FindDestination(reference, symbols).Kind is DestinationKind.Setting or DestinationKind.Variable)
                    {
                        readers.Add(reference);
                    }
                    else
                    {
                        localOthers++;
                    }
                }
            }

            return new SharedProtocolWrite(local, false, readers, localOthers, localOthers == 0 || readers.Count == 0 ? ProtocolFixSite.AtWrite : ProtocolFixSite.AtSettings);
        }

        if (!MemberReaders.AreAllIn(holder, model.SyntaxTree))
        {
            // A shared value whose readers may be anywhere: a mapping is never rewritten arm by arm; anything else is
            // fixed where it is written, as the analyzer reports it there whatever reads it.
            return new SharedProtocolWrite(holder, isMapping, readers, 0, isMapping ? ProtocolFixSite.None : ProtocolFixSite.AtWrite);
        }

        var others = 0;
        var excluded = holder.DeclaringSyntaxReferences.Length == 1 ? holder.DeclaringSyntaxReferences[0].Span : value.Syntax.Span;
        foreach (var reader in MemberReaders.InType(holder, model, excluded, cancellationToken))
        {
            var destination = ProtocolFlow.FindDestination(reader, symbols);
            if (destination.Kind is DestinationKind.Setting or DestinationKind.Variable)
            {
                readers.Add(reader);
            }
            else
            {
                others++;
            }
        }

        var site = !isMapping && others == 0 ? ProtocolFixSite.AtWrite
            : readers.Count > 0 ? ProtocolFixSite.AtSettings
            : ProtocolFixSite.None;
        return new SharedProtocolWrite(holder, isMapping, readers, others, site);
    }

    /// <summary>
    /// The root with every setting reader changed by <paramref name="edit"/> (which says whether the new code still reads
    /// the holder), and the holder's declaration removed when nothing reads it any more.
    /// </summary>
    public SyntaxNode FixSettings(SyntaxNode root, System.Func<IOperation, (SyntaxNode Target, SyntaxNode? Replacement, bool StillReads)> edit)
        => FixSettings(root, SettingReaders, edit);

    private SyntaxNode FixSettings(SyntaxNode root, List<IOperation> readers, System.Func<IOperation, (SyntaxNode Target, SyntaxNode? Replacement, bool StillReads)> edit)
    {
        var edits = new List<(SyntaxNode Target, SyntaxNode? Replacement)>();
        var stillRead = OtherReaders > 0 || SettingReadersElsewhere.Count > 0;
        foreach (var reader in readers)
        {
            var (target, replacement, stillReads) = edit(reader);
            edits.Add((target, replacement));
            stillRead |= stillReads;
        }

        var leftUnused = !stillRead && Holder is ILocalSymbol or { DeclaredAccessibility: Accessibility.Private };
        var declaration = leftUnused ? Declaration(Holder!) : null;
        var targets = new List<SyntaxNode>();
        foreach (var (target, _) in edits)
        {
            targets.Add(target);
        }

        if (declaration != null)
        {
            targets.Add(declaration);
        }

        var tracked = root.TrackNodes(targets);
        foreach (var (target, replacement) in edits)
        {
            var current = tracked.GetCurrentNode(target);
            if (current != null)
            {
                tracked = replacement is null ? FixSyntax.RemoveStatement(tracked, current) : tracked.ReplaceNode(current, replacement);
            }
        }

        if (declaration != null && tracked.GetCurrentNode(declaration) is { } currentDeclaration)
        {
            tracked = tracked.RemoveNode(currentDeclaration, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        return tracked;
    }

    /// <summary>
    /// <c>reader &amp; (E.Tls12 | E.Tls13)</c>: whatever the reader yields, only the current versions stay (the deprecated
    /// ones are not named: they are obsolete on .NET 5+). An empty result is <c>None</c>/<c>SystemDefault</c>, the system's
    /// choice; where the enum has no such zero member (.NET Framework before 4.7) the reader gives way to the current
    /// versions themselves, and <paramref name="stillReads"/> is false.
    /// </summary>
    public static ExpressionSyntax KeepCurrentVersions(ExpressionSyntax reader, ProtocolRewriter rewriter, INamedTypeSymbol protocolEnum, out bool stillReads)
    {
        var current = rewriter.Members(0);
        stillReads = protocolEnum.FindMemberByValue(0) is not null;
        if (!stillReads)
        {
            return current.WithTriviaFrom(reader);
        }

        var operand = reader is BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax
            ? SyntaxFactory.ParenthesizedExpression(reader.WithoutTrivia())
            : reader.WithoutTrivia();
        var kept = current is BinaryExpressionSyntax ? SyntaxFactory.ParenthesizedExpression(current.WithoutTrivia()) : current.WithoutTrivia();
        return SyntaxFactory.BinaryExpression(SyntaxKind.BitwiseAndExpression, operand, kept)
            .WithTriviaFrom(reader)
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    /// <summary>
    /// The symbol whose value <paramref name="value"/> defines: a field or property through its initializer, a method
    /// through a return (a switch arm in it, or a conditional on the method's parameters, makes the method a mapping). Null for a value written into anything else.
    /// </summary>
    private static ISymbol? FindHolder(IOperation value, SemanticModel model, CancellationToken cancellationToken, out bool isMapping)
    {
        isMapping = value is ISwitchExpressionOperation;
        for (var current = value.Parent; current != null; current = current.Parent)
        {
            switch (current)
            {
                case IConversionOperation or IBinaryOperation or IConditionalOperation or ICoalesceOperation or IParenthesizedOperation:
                    continue;
                case ISwitchExpressionArmOperation or ISwitchExpressionOperation:
                    isMapping = true;
                    continue;
                case IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator }:
                    isMapping = false;
                    return declarator.Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    isMapping = false;
                    return field.InitializedFields[0];
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    isMapping = false;
                    return property.InitializedProperties[0];
                case IReturnOperation:
                    ISymbol? method = model.GetEnclosingSymbol(current.Syntax.SpanStart, cancellationToken) switch
                    {
                        IMethodSymbol { MethodKind: MethodKind.Ordinary } ordinary => ordinary,
                        IMethodSymbol { MethodKind: MethodKind.PropertyGet, AssociatedSymbol: { } property } => property,
                        _ => null,
                    };
                    // A switch section, or a conditional on the method's own parameters (legacy ? Tls : Tls12), as the analyzer judges it.
                    isMapping |= IsInSwitchSection(current)
                        || (method is IMethodSymbol mapping && current is IReturnOperation { ReturnedValue: { } returned } && ProtocolMappings.IsMappingReturn(returned, mapping));
                    return isMapping ? method : null;
                default:
                    return null;
            }
        }

        return null;
    }

    private static bool IsInSwitchSection(IOperation operation)
    {
        for (var current = operation.Parent; current != null && current is not IMethodBodyOperation; current = current.Parent)
        {
            if (current is ISwitchCaseOperation)
            {
                return true;
            }
        }

        return false;
    }

    private static SyntaxNode? Declaration(ISymbol holder)
    {
        if (holder.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        return holder.DeclaringSyntaxReferences[0].GetSyntax() switch
        {
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } => field,
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax { Parent: BlockSyntax } statement } } => statement,
            MethodDeclarationSyntax method => method,
            PropertyDeclarationSyntax property => property,
            _ => null,
        };
    }
}
