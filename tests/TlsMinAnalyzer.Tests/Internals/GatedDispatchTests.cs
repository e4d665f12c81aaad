using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Infrastructure;
using TlsMinAnalyzer.Knowledge;
using TlsMinAnalyzer.Rules;
using TlsMinAnalyzer.Tests.Robustness;
using TlsMinAnalyzer.Tests.Verifiers;

namespace TlsMinAnalyzer.Tests.Internals;

/// <summary>
/// Which members' operations each family's actions see. A gate that needs a member-level group (a call to <c>Connect</c>)
/// opens only in the members that spell that call; gates of document-level groups still open in every member of the
/// document. The rule tests and <see cref="ConsistencyTests"/> show the findings are unchanged.
/// </summary>
public class GatedDispatchTests
{
    private const string MailKitClientFile = @"
using MailKit.Net.Imap;
namespace MailKit.Net.Imap
{
    public class ImapClient
    {
        public void Connect(string host, int port, bool useSsl) { }
        public System.Threading.Tasks.Task ConnectAsync(string host, int port) => System.Threading.Tasks.Task.CompletedTask;
        public void Disconnect(bool quit) { }
        public bool IsConnected => false;
        public string Tls => ""none"";
    }
}

class Sender
{
    private readonly ImapClient _client = new ImapClient();
    private string _host = ""imap.example.com"";

    public void Open() { _client.Connect(_host, 993, true); Log(""open""); }

    public async System.Threading.Tasks.Task OpenAsync() => await _client.ConnectAsync (_host, 993);

    public void Close() { if (_client.IsConnected) { _client.Disconnect(true); } Log(_client.Tls); }

    private void Log(string text) => System.Console.WriteLine(text);
}";

    [Fact]
    public async Task AMemberLevelGate_SeesOnlyTheMembersThatCallConnect_WhileADocumentLevelGateSeesTheWholeDocument()
    {
        var mailKit = new RecordingFamily(NameGroups.MailKitTypes | NameGroups.MailKitConnect);
        var protocols = new RecordingFamily(NameGroups.Protocols); // "Tls" is named in the file, so every member opens it
        await AnalyzeAsync(new[] { MailKitClientFile }, mailKit, protocols);

        Assert.Equal(new[] { "Open", "OpenAsync" }, mailKit.Members());
        Assert.Contains("Connect", mailKit.Calls());
        Assert.Contains("ConnectAsync", mailKit.Calls());
        Assert.Contains("Log", mailKit.Calls()); // every call of an opened member, not only the Connect call
        Assert.DoesNotContain("Disconnect", mailKit.Calls());
        Assert.Equal(new[] { "Close", "Log", "Open", "OpenAsync" }, protocols.Members());
        Assert.Contains("Disconnect", protocols.Calls());
    }

    [Fact]
    public async Task AMemberLevelGate_StaysShutWhereTheDocumentLacksItsDocumentLevelNames()
    {
        // The call alone is not enough: the gate's other group (a MailKit name) must be in the document too.
        var mailKit = new RecordingFamily(NameGroups.MailKitTypes | NameGroups.MailKitConnect);
        await AnalyzeAsync(new[] { "class Db { void Open(System.Net.Sockets.Socket s) => s.Connect(\"db\", 5432); }" }, mailKit);
        Assert.Empty(mailKit.Members());
    }

    [Fact]
    public async Task APartialTypeOverTwoDocuments_OpensEachMemberByItsOwnText()
    {
        var first = "using MailKit.Net.Imap;\npartial class Sender { private readonly ImapClient _c = new ImapClient(); void Open() => _c.Connect(\"h\", 993, true); }";
        var second = "using MailKit.Net.Imap;\npartial class Sender { void Close() => _c.Disconnect(true); void Reopen() { Close(); _c.Connect(\"h\", 993, true); } }";
        var types = "namespace MailKit.Net.Imap { public class ImapClient { public void Connect(string h, int p, bool s) { } public void Disconnect(bool q) { } } }";
        var mailKit = new RecordingFamily(NameGroups.MailKitTypes | NameGroups.MailKitConnect);
        await AnalyzeAsync(new[] { first, second, types }, mailKit);
        Assert.Equal(new[] { "Open", "Reopen" }, mailKit.Members());
    }

    [Theory]
    [InlineData("Open", true)]
    [InlineData("Close", false)]
    [InlineData("IsConnected", false)]
    public void DocumentNamesFound_TellsWhichMembersSpellAConnectCall(string member, bool calls)
    {
        var tree = CSharpSyntaxTree.ParseText(MailKitClientFile);
        var declaration = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax>()
            .Single(m => m.ChildTokens().Any(t => t.ValueText == member));
        var found = DocumentGate.For(tree, CancellationToken.None);
        Assert.Equal(NameGroups.MailKitTypes | NameGroups.MailKitConnect, found.Groups & (NameGroups.MailKitTypes | NameGroups.MailKitConnect));
        Assert.Equal(calls ? NameGroups.MailKitConnect : NameGroups.None, found.Within(declaration.Span));
    }

    [Fact]
    public void EveryMemberLevelGroup_HasOnlyCallNames()
    {
        // A member spells a call it makes; any other name (a type, a constant) may be spelled elsewhere in the document.
        Assert.NotEqual(NameGroups.None, DocumentNames.MemberLevel);
        Assert.All(DocumentNames.All.Where(n => (n.Groups & DocumentNames.MemberLevel) != 0), n => Assert.EndsWith("(", n.Text));
        Assert.All(DocumentNames.All.Where(n => (n.Groups & DocumentNames.MemberLevel) != 0), n => Assert.Equal(n.Groups & DocumentNames.MemberLevel, n.Groups));
    }

    private static async Task AnalyzeAsync(string[] sources, params RecordingFamily[] families)
    {
        var compilation = AnalyzerHarness.Compile(sources, await AnalyzerHarness.ReferencesAsync(References.Net80));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var analyzer = new TlsCodeAnalyzer(families);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer));
        var diagnostics = await withAnalyzers.GetAllDiagnosticsAsync(CancellationToken.None);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
    }

    /// <summary>A family that records the members and calls its one invocation action sees.</summary>
    private sealed class RecordingFamily : FamilyAnalyzer
    {
        private readonly NameGroups _groups;
        private readonly ConcurrentBag<(string Member, string Call)> _seen = new ConcurrentBag<(string, string)>();

        public RecordingFamily(NameGroups groups) => _groups = groups;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.MailWithoutTls); // reports nothing

        public override GatedActions[] CreateGates(Compilation compilation, CompilationSymbols symbols, TlsOptionsCache options)
            => new[]
            {
                new GatedActions(_groups, () => new[]
                {
                    new OperationActions(c => _seen.Add((c.ContainingSymbol.Name, ((IInvocationOperation)c.Operation).TargetMethod.Name)), OperationKind.Invocation),
                }),
            };

        public IReadOnlyList<string> Members() => _seen.Select(s => s.Member).Distinct().OrderBy(m => m, System.StringComparer.Ordinal).ToList();

        public IReadOnlyList<string> Calls() => _seen.Select(s => s.Call).Distinct().ToList();
    }
}
