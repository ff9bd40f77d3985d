namespace GoCart.Lambda.Geo;

/// <summary>One value per map region (null = missing), which region each data row went to, and what to tell the user.</summary>
public sealed record MatchedValues(IReadOnlyList<double?> Values, IReadOnlyList<int> RowRegion, IReadOnlyList<string> Warnings);
