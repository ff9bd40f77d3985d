namespace GoCart.Lambda.Drawing;

/// <summary>
/// The credit line under a downloaded map, the same from the site and from `gocart generate --svg`: what made it,
/// the data it shows and, for a map of the library, the map's name.
/// </summary>
public static class CreditLine
{
    public static string For(IEnumerable<string> columns, string? mapName) =>
        $"Made with GoCart · data: {string.Join(", ", columns)}{(mapName is null ? "" : $" · map: {mapName}")}";
}
