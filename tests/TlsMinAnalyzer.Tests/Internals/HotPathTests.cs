using System.Reflection;
using System.Runtime.CompilerServices;
using TlsMinAnalyzer.Infrastructure;

namespace TlsMinAnalyzer.Tests.Internals;

/// <summary>
/// The methods that run for every operation of an opened member are compiled optimized on first use: the flag is the runtime's
/// AggressiveOptimization (netstandard2.0, which the analyzer targets, does not name it), and it is on the entry points.
/// </summary>
public class HotPathTests
{
    [Fact]
    public void Flag_IsTheRuntimesAggressiveOptimization()
    {
        Assert.Equal(MethodImplOptions.AggressiveOptimization, HotPath.Optimized);
    }

    [Theory]
    [InlineData("TlsMinAnalyzer.Infrastructure.GatedDispatch+KindTable", "Run")]
    [InlineData("TlsMinAnalyzer.Protocols.ProtocolSettingFinder", "AnalyzeCall")]
    [InlineData("TlsMinAnalyzer.Rules.RevocationCheckAnalyzer", "AnalyzeCall")]
    [InlineData("TlsMinAnalyzer.Rules.CertificateValidationAnalyzer", "AnalyzeInstall")]
    [InlineData("TlsMinAnalyzer.Mail.MailKitResolver", "TryResolve")]
    public void EntryPoint_IsCompiledOptimized(string type, string method)
    {
        var found = typeof(HotPath).Assembly.GetType(type, throwOnError: true)!
            .GetMethod(method, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance);
        Assert.NotNull(found);
        Assert.True((found!.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0, type + "." + method);
    }
}
