namespace GoCart.Site.Maps;

/// <summary>One row of user data before matching: the name as typed, the value and the optional columns.</summary>
public sealed record DataRow(string Name, double? Value, string? Colour = null, string? Inset = null, string? Label = null);
