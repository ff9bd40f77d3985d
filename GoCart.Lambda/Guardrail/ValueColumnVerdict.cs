namespace GoCart.Lambda.Guardrail;

/// <summary>
/// The classifier's answer: the kind, why (the rule that decided), for an intensive column the message to show,
/// and whether the column's own name or unit said so (certain) rather than its values against population (a hint).
/// </summary>
public sealed record ValueColumnVerdict(ValueColumnKind Kind, string Reason, string? Message, bool ByName = false)
{
    public bool IsIntensive => Kind == ValueColumnKind.Intensive;
}
