namespace GoCart.Lambda.Drawing;

/// <summary>Regions drawn apart from the main map (an inset), framed by divider lines and named.</summary>
public sealed record PictureInset(string Name, IReadOnlyList<int> Regions);
