namespace GoCart.Lambda.Drawing;

/// <summary>What became of one region's label (<see cref="LabelPlacer.Outcomes"/>).</summary>
public abstract record LabelOutcome(int Region)
{
    public sealed record Placed(int Region, PlacedLabel Label) : LabelOutcome(Region);

    /// <summary>The label fits inside the region but every size that fits would cover a label placed before it.</summary>
    public sealed record Blocked(int Region) : LabelOutcome(Region);

    /// <summary>Even the short form at the smallest size does not fit inside the region.</summary>
    public sealed record TooSmall(int Region) : LabelOutcome(Region);

    public sealed record NoText(int Region) : LabelOutcome(Region);
}
