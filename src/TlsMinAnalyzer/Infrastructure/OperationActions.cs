using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace TlsMinAnalyzer.Infrastructure;

/// <summary>An operation callback and the operation kinds it runs for, created once per compilation and registered per member.</summary>
internal readonly struct OperationActions
{
    public OperationActions(Action<OperationAnalysisContext> action, params OperationKind[] kinds)
        : this(action, ImmutableArray.Create(kinds))
    {
    }

    public OperationActions(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> kinds)
    {
        Action = action;
        Kinds = kinds;
    }

    public Action<OperationAnalysisContext> Action { get; }

    public ImmutableArray<OperationKind> Kinds { get; }
}
