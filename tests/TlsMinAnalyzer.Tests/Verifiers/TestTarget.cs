using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace TlsMinAnalyzer.Tests.Verifiers;

/// <summary>What a test compiles against: a framework's reference assemblies plus library assemblies (e.g. MailKit).</summary>
internal sealed class TestTarget
{
    public TestTarget(ReferenceAssemblies assemblies, ImmutableArray<MetadataReference> libraries)
    {
        Assemblies = assemblies;
        Libraries = libraries;
    }

    public ReferenceAssemblies Assemblies { get; }

    public ImmutableArray<MetadataReference> Libraries { get; }

    public static implicit operator TestTarget(ReferenceAssemblies assemblies) => new TestTarget(assemblies, ImmutableArray<MetadataReference>.Empty);

    public void ApplyTo(SolutionState state)
    {
        state.AdditionalReferences.AddRange(Libraries);
    }
}
