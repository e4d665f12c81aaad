using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TlsMinAnalyzer.Infrastructure;
using TlsMinAnalyzer.Knowledge;
using TlsMinAnalyzer.Operations;

namespace TlsMinAnalyzer.Tests.Internals;

/// <summary>
/// The per-document gate: a family's operation callbacks run only in documents whose text names something the family
/// looks for. These pin down which text opens which family; the rule tests show the findings themselves are unchanged.
/// </summary>
public class DocumentGateTests
{
    [Theory]
    [InlineData("handler.SslProtocols = x;", (int)(NameGroups.Protocols))]
    [InlineData("ServicePointManager.SecurityProtocol = x;", (int)(NameGroups.Protocols))]
    [InlineData("options.EnabledSslProtocols = P.Tls11;", (int)(NameGroups.Protocols))] // an alias from a global using
    [InlineData("var f = Tls | Ssl3;", (int)(NameGroups.Protocols))] // using static
    [InlineData("client.ServerCertificateValidationCallback = cb;", (int)(NameGroups.Certificates))]
    [InlineData("Func<object, X509Certificate, X509Chain, SslPolicyErrors, bool> cb;", (int)(NameGroups.Certificates))]
    [InlineData("var h = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;", (int)(NameGroups.AcceptAnyValidator))]
    [InlineData("var c = new SmtpClient(host, 25);", (int)(NameGroups.SystemNetMail))]
    [InlineData("client.EnableSsl = false;", (int)(NameGroups.SystemNetMail))]
    [InlineData("using MailKit.Net.Imap; class C { void M(ImapClient c) => c.Connect(h, 143, false); }", (int)(NameGroups.MailKitTypes | NameGroups.MailKitConnect))]
    [InlineData("handler.CheckCertificateRevocationList = false;", (int)(NameGroups.Revocation))]
    [InlineData("stream.AuthenticateAsClient(host, null, p, false);", (int)(NameGroups.Revocation))]
    [InlineData("new SslStream(s, false, null, null, EncryptionPolicy.NoEncryption);", (int)(NameGroups.Encryption))]
    [InlineData("AppContext.SetSwitch(name, true);", (int)(NameGroups.Switches))]
    public void TextNamingAFamily_OpensIt(string text, int groups)
        => Assert.True(DocumentGate.Mentions(CSharpSyntaxTree.ParseText(text), (NameGroups)groups, default));

    [Fact]
    public void TextNamingNothing_OpensNoFamily()
    {
        var tree = CSharpSyntaxTree.ParseText("class Repository { int Count(string name) => name.Length; void Save() { var x = Count(\"a\"); } }");
        foreach (var group in new[] { NameGroups.Protocols, NameGroups.Certificates, NameGroups.SystemNetMail, NameGroups.MailKitTypes, NameGroups.Revocation, NameGroups.Encryption, NameGroups.Switches, NameGroups.AcceptAnyValidator })
        {
            Assert.False(DocumentGate.Mentions(tree, group, default), group.ToString());
        }
    }

    [Fact]
    public void AConnectCallWithoutAnyMailKitName_DoesNotOpenMailKit()
    {
        // A database or socket "Connect" is not a mail connection: MailKit needs one of its names in the same document too.
        var tree = CSharpSyntaxTree.ParseText("class Db { void Open(System.Net.Sockets.Socket s) => s.Connect(\"db\", 5432); }");
        Assert.False(DocumentGate.Mentions(tree, NameGroups.MailKitTypes | NameGroups.MailKitConnect, default));
    }

    [Theory]
    [InlineData("await client.ConnectAsync (host, 993, SecureSocketOptions.SslOnConnect);")]
    [InlineData("client.Connect(host, 143, false);")]
    public void AMailKitDocument_OpensMailKitConnectionsOnlyWhereItCallsConnect(string call)
    {
        // MailKit's own sources name MailKit in every file and "Connect" in most (IsConnected, Disconnect, Connected events):
        // only a call opens the connection rules.
        var without = CSharpSyntaxTree.ParseText("using MailKit; class C { bool M(IMailService c) { if (!c.IsConnected) { c.Disconnect(true); } return c.IsConnected; } }");
        var with = CSharpSyntaxTree.ParseText("using MailKit; using MailKit.Security; class C { async System.Threading.Tasks.Task M(IMailService client, string host) { " + call + " } }");
        Assert.False(DocumentGate.Mentions(without, NameGroups.MailKitTypes | NameGroups.MailKitConnect, default));
        Assert.True(DocumentGate.Mentions(with, NameGroups.MailKitTypes | NameGroups.MailKitConnect, default));
    }

    [Theory]
    [InlineData("DDDangerous", "Dangerous")]
    [InlineData("TlTlTls", "Tls")]
    public void RepeatedFirstCharacters_DoNotHideAMatch(string text, string name)
    {
        // The scan jumps from one candidate first character to the next: a failed partial match must not skip the real one,
        // here placed across the first chunk boundary.
        Assert.True(SourceText.From(new string(' ', 4090) + text).FindNames(new[] { name }) != 0);
    }

    [Fact]
    public void EveryName_StartsWithACapitalLetter_AndTheyFitTheScansMask()
    {
        Assert.InRange(DocumentNames.All.Length, 1, 32);
        Assert.All(DocumentNames.All, n => Assert.InRange(n.Text[0], 'A', 'Z'));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4096 - 5)] // straddles the first chunk boundary
    [InlineData(4096)]
    [InlineData(2 * 4096 - 1)]
    public void FindNames_FindsEachNameWhereverItFalls_AndNothingElse(int offset)
    {
        var names = new[] { "SslProtocols", "Tls", "SetSwitch", "Revocation" };
        var text = SourceText.From(new string(' ', offset) + "var p = SslProtocols.Tls11; // SetSwitc" + new string(' ', 100));
        Assert.Equal(0b0011u, text.FindNames(names));
    }
}
