namespace GoCart.Lambda.Guardrail;

/// <summary>The classifier's answer: the kind, why (the rule that decided) and, for an intensive column, the message to show.</summary>
public sealed record ValueColumnVerdict(ValueColumnKind Kind, string Reason, string? Message)
{
    public bool IsIntensive => Kind == ValueColumnKind.Intensive;
}
