namespace GoCart.Site.Maps;

/// <summary>A region of a library map with what its default data says about it.</summary>
public sealed record MapRegion(string Id, string Name, string? Label, double? Value, string? Colour, string? Inset);
