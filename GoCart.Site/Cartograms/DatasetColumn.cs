namespace GoCart.Site.Cartograms;

/// <summary>Column <see cref="Index"/> of a dataset, named with its unit, computed by the record <see cref="CartogramKey"/>.</summary>
public sealed record DatasetColumn(int Index, string Name, string CartogramKey);
