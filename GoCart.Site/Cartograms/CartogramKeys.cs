using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace GoCart.Site.Cartograms;

/// <summary>Record keys: 32 characters from a cryptographic random source, the only way to reach a record.</summary>
public static partial class CartogramKeys
{
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public static string New() => RandomNumberGenerator.GetString(Alphabet, 32);

    /// <summary>
    /// A library map's example record has a fixed key derived from the map id and the stamp of its files, so it is
    /// created once (across restarts and replicas) and again only when the map's files change.
    /// </summary>
    public static string Example(Maps.LibraryMap map) =>
        "x" + Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(map.Id + "\n" + map.Stamp)))[..31];

    public static bool IsWellFormed(string? key) => key is not null && Pattern().IsMatch(key);

    [GeneratedRegex("^[A-Za-z0-9]{32}$")]
    private static partial Regex Pattern();
}
