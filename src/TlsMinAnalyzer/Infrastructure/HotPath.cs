using System.Runtime.CompilerServices;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>
/// <c>[MethodImpl(HotPath.Optimized)]</c> marks the methods that run for every operation of the members a family's gate
/// opens (the per-operation dispatch and each rule's first test of an operation). It is
/// <c>MethodImplOptions.AggressiveOptimization</c>, which netstandard2.0 does not name: .NET Core 3.0 and later compile
/// such a method fully optimized on its first call instead of starting it unoptimized (tier 0) and recompiling it once it
/// is found hot. A build's compiler process is often short-lived and analyzes each member once, so these methods otherwise
/// run a good part of the build unoptimized. .NET Framework and Mono ignore the flag.
/// </summary>
/// <remarks>
/// The per-member gate (<see cref="GatedDispatch"/>'s block-start callback) is left to tiered compilation: it runs for every
/// member of the compilation, so it is recompiled with profile data early, and marking it too changed nothing measurable
/// (see the README's performance section).
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
