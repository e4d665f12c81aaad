using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using TlsMinAnalyzer.Knowledge;

namespace TlsMinAnalyzer.Certificates;

internal enum CallbackVerdictKind
{
    /// <summary>Validates, pins, defers to other code, or is too complex to judge: never reported.</summary>
    Safe,

    /// <summary>Every path returns true.</summary>
    AcceptsAll,

    /// <summary>Some path returns true for a certificate with errors without ever looking at the errors.</summary>
    IgnoresErrors,

    /// <summary>Looks at the errors and accepts some of them on purpose.</summary>
    AllowsErrors,
}

internal readonly struct CallbackVerdict
{
    public CallbackVerdict(CallbackVerdictKind kind, int allowedErrors, IOperation? acceptingReturn, string? chainStatusTest = null)
    {
        Kind = kind;
        AllowedErrors = allowedErrors;
        AcceptingReturn = acceptingReturn;
        ChainStatusTest = chainStatusTest;
    }

    /// <summary>
    /// For <see cref="CallbackVerdictKind.AllowsErrors"/> decided by the chain's status flags: the flags tested
    /// ("X509ChainStatusFlags.UntrustedRoot"), or "its status" when none is named.
    /// </summary>
    public string? ChainStatusTest { get; }

    public CallbackVerdictKind Kind { get; }

    /// <summary>For <see cref="CallbackVerdictKind.AllowsErrors"/>: the <c>SslPolicyErrors</c> bits it accepts.</summary>
    public int AllowedErrors { get; }

    /// <summary>A return that accepts a certificate with errors, for an additional location.</summary>
    public IOperation? AcceptingReturn { get; }

    public static CallbackVerdict Safe => default;
}

/// <summary>
/// Decides what a certificate validation callback accepts by running its body, symbolically, for every combination of
/// <c>SslPolicyErrors</c> flags. Conditions on the errors are evaluated; conditions on the certificate or chain, and calls to
/// other methods, count as the callback's own validation (pinning, a custom root); conditions on anything else (a settings
/// flag, the request) may go either way. Loops, locals used in decisions, reassigning the errors and other shapes it does
/// not model stop the run: only paths that returned <c>true</c> before such a shape (a bypass at the top of a long
/// validator) can still make a finding; otherwise it answers Safe — a finding must mean a real weakness.
/// </summary>
internal sealed class CallbackAnalysis
{
    private const int MaxOutcomes = 512;

    private readonly IParameterSymbol _errors;
    private readonly CertificateSymbols _symbols;
    private readonly List<Outcome> _outcomes = new List<Outcome>();
    private bool _unknown;

    private CallbackAnalysis(IParameterSymbol errors, CertificateSymbols symbols)
    {
        _errors = errors;
        _symbols = symbols;
    }

    public static CallbackVerdict Analyze(IOperation body, IParameterSymbol errors, CertificateSymbols symbols)
    {
        var flags = symbols.AllErrorBits;

        var analysis = new CallbackAnalysis(errors, symbols);
        var acceptsAll = true;
        var ignored = false;
        var acceptedValues = new HashSet<int>();
        IOperation? acceptingReturn = null;

        // Every subset of the flags: None, NotAvailable, NameMismatch, ChainErrors and their combinations.
        for (var errorsValue = 0; errorsValue <= flags; errorsValue++)
        {
            if ((errorsValue & ~flags) != 0)
            {
                continue;
            }

            analysis._outcomes.Clear();
            analysis._unknown = false;
            analysis.Execute(body, errorsValue, default, new List<State>());
            if (analysis._unknown || analysis._outcomes.Count == 0)
            {
                // A shape not modelled further on (a loop, a using declaration): no verdict about the whole callback, but a
                // path that already returned true before it — if (settings.AcceptAll) return true; at the top of a long
                // validator — is a real one, and accepting a certificate with errors on it is enough.
                acceptsAll = false;
                foreach (var outcome in analysis._outcomes)
                {
                    if (errorsValue != 0 && !outcome.Throws && outcome.Accepts && !outcome.State.Validated)
                    {
                        acceptingReturn ??= outcome.Return;
                        if (outcome.State.Consulted)
                        {
                            acceptedValues.Add(errorsValue);
                        }
                        else
                        {
                            ignored = true;
                        }
                    }
                }

                continue;
            }

            var returned = false;
            foreach (var outcome in analysis._outcomes)
            {
                var plainAccept = outcome.Accepts && !outcome.State.Validated;
                if (!outcome.Throws)
                {
                    // "Every return path yields true": a throw on an unrelated path does not make a callback strict.
                    acceptsAll &= plainAccept;
                    returned = true;
                }

                if (errorsValue != 0 && plainAccept)
                {
                    acceptingReturn ??= outcome.Return;
                    if (outcome.State.Consulted)
                    {
                        acceptedValues.Add(errorsValue);
                    }
                    else
                    {
                        ignored = true;
                    }
                }
            }

            acceptsAll &= returned;
        }

        if (acceptsAll)
        {
            return new CallbackVerdict(CallbackVerdictKind.AcceptsAll, flags, acceptingReturn);
        }

        if (ignored)
        {
            return new CallbackVerdict(CallbackVerdictKind.IgnoresErrors, flags, acceptingReturn);
        }

        // Name the smallest accepted combinations: "HasFlag(NameMismatch)" accepts NameMismatch with anything else too, but
        // what it allows on purpose is NameMismatch.
        var allowed = 0;
        foreach (var value in acceptedValues)
        {
            var minimal = true;
            foreach (var other in acceptedValues)
            {
                minimal &= other == value || (other & value) != other;
            }

            if (minimal)
            {
                allowed |= value;
            }
        }

        return allowed != 0 ? new CallbackVerdict(CallbackVerdictKind.AllowsErrors, allowed, acceptingReturn, ChainStatusFlagsTested(body)) : CallbackVerdict.Safe;
    }

    /// <summary>The X509ChainStatusFlags members a body that reads <c>chain.ChainStatus</c> compares with; null when it does not read it.</summary>
    private static string? ChainStatusFlagsTested(IOperation body)
    {
        var readsStatus = false;
        var flags = new List<string>();
        foreach (var operation in body.Descendants())
        {
            switch (operation)
            {
                case IPropertyReferenceOperation { Property.Name: CertificateValidation.ChainStatusProperty }:
                    readsStatus = true;
                    break;
                case IFieldReferenceOperation { Field: { ContainingType.Name: CertificateValidation.ChainStatusFlagsTypeName, HasConstantValue: true } field }
                    when !flags.Contains(CertificateValidation.ChainStatusFlagsTypeName + "." + field.Name):
                    flags.Add(CertificateValidation.ChainStatusFlagsTypeName + "." + field.Name);
                    break;
            }
        }

        return !readsStatus ? null : flags.Count == 0 ? "its status" : string.Join(", ", flags);
    }

    /// <summary>Runs a statement from one state; adds finished paths to the outcomes and unfinished ones to <paramref name="continuing"/>.</summary>
    private void Execute(IOperation operation, int errorsValue, State state, List<State> continuing)
    {
        if (_unknown || _outcomes.Count > MaxOutcomes)
        {
            _unknown = true;
            return;
        }

        switch (operation)
        {
            case IBlockOperation block:
                ExecuteSequence(block.Operations, errorsValue, state, continuing);
                return;

            case IReturnOperation { ReturnedValue: { } value } returned:
                var result = Evaluate(value, errorsValue);
                var after = state.With(result);
                if (result.Kind == ValueKind.Known)
                {
                    _outcomes.Add(new Outcome(result.Number != 0, after, returned));
                }
                else if (result.Kind == ValueKind.Deferred)
                {
                    _outcomes.Add(new Outcome(true, after, returned));
                }
                else
                {
                    _outcomes.Add(new Outcome(true, after, returned));
                    _outcomes.Add(new Outcome(false, after, returned));
                }

                return;

            case IThrowOperation:
            case IExpressionStatementOperation { Operation: IThrowOperation }:
                _outcomes.Add(new Outcome(false, state, operation, throws: true));
                return;

            case IConditionalOperation conditional when conditional.Type is null || conditional.Type.SpecialType == SpecialType.System_Void:
                var condition = Evaluate(conditional.Condition, errorsValue);
                var branchState = state.With(condition);
                if (condition.Kind != ValueKind.Known || condition.Number != 0)
                {
                    Execute(conditional.WhenTrue, errorsValue, branchState, continuing);
                }

                if (condition.Kind != ValueKind.Known || condition.Number == 0)
                {
                    if (conditional.WhenFalse is null)
                    {
                        continuing.Add(branchState);
                    }
                    else
                    {
                        Execute(conditional.WhenFalse, errorsValue, branchState, continuing);
                    }
                }

                return;

            case ISwitchOperation switchOperation:
                ExecuteSwitch(switchOperation, errorsValue, state, continuing);
                return;

            case ITryOperation tryOperation:
                Execute(tryOperation.Body, errorsValue, state, continuing);
                return;

            case IUsingOperation usingOperation:
                Execute(usingOperation.Body, errorsValue, state, continuing);
                return;

            case ILockOperation lockOperation:
                Execute(lockOperation.Body, errorsValue, state, continuing);
                return;

            case ILabeledOperation { Operation: { } labeled }:
                Execute(labeled, errorsValue, state, continuing);
                return;

            case IExpressionStatementOperation { Operation: IAssignmentOperation { Target: IParameterReferenceOperation target } }
                when SymbolEqualityComparer.Default.Equals(target.Parameter, _errors):
                // errors = Filter(errors, chain): what the errors are from here on is not modelled.
                _unknown = true;
                return;

            case IBranchOperation { BranchKind: BranchKind.Break }:
            case IExpressionStatementOperation:
            case IVariableDeclarationGroupOperation:
            case ILocalFunctionOperation:
            case IEmptyOperation:
                // Logging, bookkeeping, declarations. A local that later decides anything evaluates as Deferred.
                continuing.Add(state);
                return;

            default:
                // Loops, goto, yield and anything else not modelled: no verdict.
                _unknown = true;
                return;
        }
    }

    private void ExecuteSequence(IEnumerable<IOperation> operations, int errorsValue, State state, List<State> continuing)
    {
        var states = new List<State> { state };
        foreach (var statement in operations)
        {
            var next = new List<State>();
            foreach (var current in states)
            {
                Execute(statement, errorsValue, current, next);
            }

            states = next;
            if (states.Count == 0)
            {
                return;
            }
        }

        continuing.AddRange(states);
    }

    private void ExecuteSwitch(ISwitchOperation switchOperation, int errorsValue, State state, List<State> continuing)
    {
        var value = Evaluate(switchOperation.Value, errorsValue);
        var sectionState = state.With(value);
        ISwitchCaseOperation? defaultCase = null;
        var matched = false;
        foreach (var section in switchOperation.Cases)
        {
            foreach (var clause in section.Clauses)
            {
                if (clause is IDefaultCaseClauseOperation)
                {
                    defaultCase = section;
                    continue;
                }

                if (clause is not ISingleValueCaseClauseOperation single)
                {
                    _unknown = true;
                    return;
                }

                var label = Evaluate(single.Value, errorsValue);
                if (value.Kind == ValueKind.Known && label.Kind == ValueKind.Known)
                {
                    if (value.Number == label.Number && !matched)
                    {
                        matched = true;
                        ExecuteSequence(section.Body, errorsValue, sectionState, continuing);
                    }
                }
                else
                {
                    ExecuteSequence(section.Body, errorsValue, sectionState, continuing);
                }
            }
        }

        if (!matched || value.Kind != ValueKind.Known)
        {
            if (defaultCase != null)
            {
                ExecuteSequence(defaultCase.Body, errorsValue, sectionState, continuing);
            }
            else
            {
                continuing.Add(sectionState);
            }
        }
    }

    private Value Evaluate(IOperation operation, int errorsValue)
    {
        if (operation.ConstantValue.HasValue)
        {
            return Value.Constant(operation.ConstantValue.Value);
        }

        switch (operation)
        {
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, _errors):
                return new Value(ValueKind.Known, errorsValue, consulted: true);

            case IConversionOperation conversion:
                return Evaluate(conversion.Operand, errorsValue);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                return Evaluate(not.Operand, errorsValue).Map(n => n == 0 ? 1 : 0);

            case IUnaryOperation { OperatorKind: UnaryOperatorKind.BitwiseNegation } negation:
                return Evaluate(negation.Operand, errorsValue).Map(n => ~n);

            case IBinaryOperation binary:
                return EvaluateBinary(binary, errorsValue);

            case IConditionalOperation ternary when ternary.WhenFalse != null:
                var test = Evaluate(ternary.Condition, errorsValue);
                if (test.Kind == ValueKind.Known)
                {
                    return Evaluate(test.Number != 0 ? ternary.WhenTrue : ternary.WhenFalse, errorsValue).Merge(test);
                }

                var whenTrue = Evaluate(ternary.WhenTrue, errorsValue);
                var whenFalse = Evaluate(ternary.WhenFalse, errorsValue);
                var consulted = test.Consulted || whenTrue.Consulted || whenFalse.Consulted;
                if (whenTrue.Kind == ValueKind.Known && whenFalse.Kind == ValueKind.Known && whenTrue.Number == whenFalse.Number)
                {
                    return new Value(ValueKind.Known, whenTrue.Number, consulted);
                }

                var deferred = test.Kind == ValueKind.Deferred || whenTrue.Kind == ValueKind.Deferred || whenFalse.Kind == ValueKind.Deferred;
                return new Value(deferred ? ValueKind.Deferred : ValueKind.Arbitrary, 0, consulted);

            case IIsPatternOperation isPattern:
                return EvaluatePattern(Evaluate(isPattern.Value, errorsValue), isPattern.Pattern, errorsValue);

            case IInvocationOperation { TargetMethod.Name: "HasFlag", Instance: { } instance } hasFlag when hasFlag.Arguments.Length == 1:
                var flags = Evaluate(instance, errorsValue);
                var flag = Evaluate(hasFlag.Arguments[0].Value, errorsValue);
                return Value.Combine(flags, flag, (a, b) => (a & b) == b ? 1 : 0);

            default:
                return Opaque(operation);
        }
    }

    private Value EvaluateBinary(IBinaryOperation binary, int errorsValue)
    {
        if (binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals && (IsNull(binary.LeftOperand) || IsNull(binary.RightOperand)))
        {
            // "certificate == null" guards against a missing certificate; it validates nothing.
            return new Value(ValueKind.Arbitrary, 0, consulted: false);
        }

        var left = Evaluate(binary.LeftOperand, errorsValue);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd when left.Kind == ValueKind.Known && left.Number == 0:
            case BinaryOperatorKind.ConditionalOr when left.Kind == ValueKind.Known && left.Number != 0:
                return left;
        }

        var right = Evaluate(binary.RightOperand, errorsValue);
        switch (binary.OperatorKind)
        {
            case BinaryOperatorKind.ConditionalAnd when right.Kind == ValueKind.Known && right.Number == 0:
            case BinaryOperatorKind.ConditionalOr when right.Kind == ValueKind.Known && right.Number != 0:
                return right.Merge(left);
            case BinaryOperatorKind.ConditionalAnd:
            case BinaryOperatorKind.And:
                return Value.Combine(left, right, (a, b) => a & b);
            case BinaryOperatorKind.ConditionalOr when IsUnconsultedChoice(left) || IsUnconsultedChoice(right):
                // "host == x || errors == None": when the left side holds, the errors are never looked at.
                return new Value(left.Kind == ValueKind.Deferred || right.Kind == ValueKind.Deferred ? ValueKind.Deferred : ValueKind.Arbitrary, 0, consulted: false);
            case BinaryOperatorKind.ConditionalOr:
            case BinaryOperatorKind.Or:
                return Value.Combine(left, right, (a, b) => a | b);
            case BinaryOperatorKind.ExclusiveOr:
                return Value.Combine(left, right, (a, b) => a ^ b);
            case BinaryOperatorKind.Equals:
                return Value.Combine(left, right, (a, b) => a == b ? 1 : 0);
            case BinaryOperatorKind.NotEquals:
                return Value.Combine(left, right, (a, b) => a != b ? 1 : 0);
            case BinaryOperatorKind.LessThan:
                return Value.Combine(left, right, (a, b) => a < b ? 1 : 0);
            case BinaryOperatorKind.LessThanOrEqual:
                return Value.Combine(left, right, (a, b) => a <= b ? 1 : 0);
            case BinaryOperatorKind.GreaterThan:
                return Value.Combine(left, right, (a, b) => a > b ? 1 : 0);
            case BinaryOperatorKind.GreaterThanOrEqual:
                return Value.Combine(left, right, (a, b) => a >= b ? 1 : 0);
            default:
                return Opaque(binary);
        }
    }

    private Value EvaluatePattern(Value value, IPatternOperation pattern, int errorsValue)
    {
        switch (pattern)
        {
            case IConstantPatternOperation constant when IsNull(constant.Value):
                return new Value(ValueKind.Arbitrary, 0, consulted: false);
            case IConstantPatternOperation constant:
                return Value.Combine(value, Evaluate(constant.Value, errorsValue), (a, b) => a == b ? 1 : 0);
            case INegatedPatternOperation negated:
                return EvaluatePattern(value, negated.Pattern, errorsValue).Map(n => n == 0 ? 1 : 0);
            case IBinaryPatternOperation binaryPattern:
                var left = EvaluatePattern(value, binaryPattern.LeftPattern, errorsValue);
                var right = EvaluatePattern(value, binaryPattern.RightPattern, errorsValue);
                return binaryPattern.OperatorKind == BinaryOperatorKind.Or
                    ? Value.Combine(left, right, (a, b) => a | b)
                    : Value.Combine(left, right, (a, b) => a & b);
            default:
                return Opaque(pattern).Merge(value);
        }
    }

    private static bool IsUnconsultedChoice(Value value) => value.Kind == ValueKind.Arbitrary && !value.Consulted;

    private static bool IsNull(IOperation operation)
        => operation.ConstantValue.HasValue && operation.ConstantValue.Value is null;

    /// <summary>
    /// Something it does not compute. Certificate or chain data, or a call to other code, means the callback validates in its
    /// own way (Deferred); locals are Deferred too (their value is not tracked); anything else may go either way (Arbitrary).
    /// </summary>
    private Value Opaque(IOperation operation)
    {
        // The chain's status flags alone (chain.ChainStatus[0].Status == X509ChainStatusFlags.UntrustedRoot, or a LINQ test
        // over them) say which chain errors to let through; no certificate is identified, so it is not pinning: an error
        // accepted on purpose, as a test of the errors parameter is.
        if (IsChainStatusTest(operation))
        {
            return new Value(ValueKind.Arbitrary, 0, consulted: true);
        }

        var kind = ValueKind.Arbitrary;
        var consulted = false;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, _errors):
                    consulted = true;
                    kind = ValueKind.Deferred;
                    break;
                case ILocalReferenceOperation local when IsRequestType(local.Local.Type):
                    // sender is HttpRequestMessage request && request.RequestUri.Host == "intranet": the request, not a check.
                    break;
                case IInvocationOperation { TargetMethod.ContainingType: { } owner } when owner.SpecialType == SpecialType.System_String || IsRequestType(owner):
                    // host.EndsWith(".intranet"), uri.IsBaseOf(...): string and URI tests of the request, not a check of the
                    // certificate (a certificate argument still makes the whole value Deferred).
                    break;
                case IParameterReferenceOperation parameter when _symbols.IsCertificateData(parameter.Type):
                case IInvocationOperation:
                case ILocalReferenceOperation:
                case IObjectCreationOperation:
                    kind = ValueKind.Deferred;
                    break;
            }
        }

        return new Value(kind, 0, consulted);
    }

    /// <summary>
    /// A type that can only describe the request (<c>sender is HttpRequestMessage request</c>, its URI): a test of a local of
    /// this type decides nothing about the certificate. Locals of other types — a <c>bool</c> holding a pinning check, a
    /// <c>string</c> holding a thumbprint, a certificate — may carry the callback's own validation and keep it undecided.
    /// </summary>
    private static bool IsRequestType(ITypeSymbol? type)
    {
        foreach (var name in CertificateValidation.RequestTypes)
        {
            if (type.HasFullName(name))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="operation"/> reads certificate data only as <c>chain.ChainStatus</c> (directly, indexed, or
    /// through LINQ), and calls nothing else: it tests chain errors, it does not identify a certificate.
    /// </summary>
    private bool IsChainStatusTest(IOperation operation)
    {
        var readsStatus = false;
        var lettingUntrustedThrough = false;
        var otherFlags = false;
        foreach (var descendant in operation.DescendantsAndSelf())
        {
            switch (descendant)
            {
                case IFieldReferenceOperation { Field: { ContainingType.Name: CertificateValidation.ChainStatusFlagsTypeName } field } flag
                    when CertificateValidation.UntrustedChainStatuses.Contains(field.Name)
                         && (flag.Parent is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals }
                             || flag.Parent?.Parent is IInvocationOperation { TargetMethod.Name: "HasFlag" }):
                    // status == UntrustedRoot: a chain to an unknown root passes.
                    lettingUntrustedThrough = true;
                    break;
                case IFieldReferenceOperation { Field.ContainingType.Name: CertificateValidation.ChainStatusFlagsTypeName }:
                    // A test that lets only other statuses through (RevocationStatusUnknown, NotTimeValid) still rejects a
                    // certificate nobody issued: the callback's own validation.
                    otherFlags = true;
                    break;
                case IParameterReferenceOperation parameter when _symbols.IsCertificateData(parameter.Type):
                    if (parameter.Parent is not IPropertyReferenceOperation { Property.Name: CertificateValidation.ChainStatusProperty })
                    {
                        return false;
                    }

                    readsStatus = true;
                    break;
                case IInvocationOperation invocation:
                    if (!invocation.TargetMethod.ContainingType.HasFullName(CertificateValidation.EnumerableMetadataName)
                        || invocation.Arguments.Length == 0
                        || invocation.Arguments[0].Value.StripConversions() is not IPropertyReferenceOperation { Property.Name: CertificateValidation.ChainStatusProperty })
                    {
                        return false;
                    }

                    break;
                case ILocalReferenceOperation:
                case IObjectCreationOperation:
                    return false;
            }
        }

        // No flag at all (chain.ChainStatus.Length > 0): a condition on the chain's errors that decides nothing by itself.
        return readsStatus && (lettingUntrustedThrough || !otherFlags);
    }

    private enum ValueKind
    {
        Known,
        Arbitrary,
        Deferred,
    }

    private readonly struct Value
    {
        public Value(ValueKind kind, long number, bool consulted)
        {
            Kind = kind;
            Number = number;
            Consulted = consulted;
        }

        public ValueKind Kind { get; }

        public long Number { get; }

        /// <summary>The errors parameter was looked at to get this value.</summary>
        public bool Consulted { get; }

        public static Value Constant(object? constant)
            => constant is bool flag ? new Value(ValueKind.Known, flag ? 1 : 0, false) : new Value(ValueKind.Known, EnumExtensions.ToBits(constant), false);

        public static Value Combine(Value left, Value right, System.Func<long, long, long> compute)
        {
            var consulted = left.Consulted || right.Consulted;
            if (left.Kind == ValueKind.Known && right.Kind == ValueKind.Known)
            {
                return new Value(ValueKind.Known, compute(left.Number, right.Number), consulted);
            }

            var kind = left.Kind == ValueKind.Deferred || right.Kind == ValueKind.Deferred ? ValueKind.Deferred : ValueKind.Arbitrary;
            return new Value(kind, 0, consulted);
        }

        public Value Map(System.Func<long, long> compute) => Kind == ValueKind.Known ? new Value(Kind, compute(Number), Consulted) : this;

        public Value Merge(Value other) => new Value(Kind, Number, Consulted || other.Consulted);
    }

    /// <summary>What a path has looked at so far.</summary>
    private readonly struct State
    {
        private State(bool consulted, bool validated)
        {
            Consulted = consulted;
            Validated = validated;
        }

        /// <summary>A decision on this path looked at the errors.</summary>
        public bool Consulted { get; }

        /// <summary>A decision on this path looked at certificate/chain data or called other code.</summary>
        public bool Validated { get; }

        public State With(Value decision) => new State(Consulted || decision.Consulted, Validated || decision.Kind == ValueKind.Deferred);
    }

    private readonly struct Outcome
    {
        public Outcome(bool accepts, State state, IOperation @return, bool throws = false)
        {
            Accepts = accepts;
            State = state;
            Return = @return;
            Throws = throws;
        }

        public bool Accepts { get; }

        public bool Throws { get; }

        public State State { get; }

        public IOperation Return { get; }
    }
}
