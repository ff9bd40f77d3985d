namespace GoCart.Site.Maps;

/// <summary>
/// The licence of a map's boundaries, read from its provenance note: the section about the .geojson file names
/// the source (geoBoundaries, GADM, Eurostat GISCO, the US Census Bureau, Natural Earth) or says that upstream
/// names none. Operators hide maps by these ids (<c>CARTOGRAM_HIDDEN_LICENCES</c>).
/// </summary>
public sealed record MapLicence(string Id, string Name, string Terms)
{
    public static readonly MapLicence PublicDomain = new("public-domain", "Public domain", "Free to use, share and change without conditions (Natural Earth, US Census Bureau).");
    public static readonly MapLicence CcBy = new("cc-by-4.0", "CC BY 4.0 (geoBoundaries)", "Free to use and share with attribution: cite Runfola et al. (2020), geoBoundaries, PLoS ONE 15(4): e0231866.");
    public static readonly MapLicence Gadm = new("gadm", "GADM licence", "Free for academic and other non-commercial use; redistribution and commercial use need GADM's permission.");
    public static readonly MapLicence Gisco = new("eurostat-gisco", "Eurostat GISCO", "Non-commercial use with attribution (© EuroGeographics for the administrative boundaries).");
    public static readonly MapLicence Unstated = new("unstated", "Source not stated upstream", "go-cart.io names no source for these boundaries, so their licence is unknown.");
    public static readonly MapLicence Other = new("other", "As stated in the sources", "A source other than the above (a national office or agency): see the provenance note.");

    public static IReadOnlyList<MapLicence> All { get; } = [PublicDomain, CcBy, Gadm, Gisco, Unstated, Other];

    /// <summary>The licence named by the note's section on the boundary file (the whole note when it has no such section).</summary>
    public static MapLicence Of(string provenance, string geoJsonFileName)
    {
        var section = BoundarySection(provenance, geoJsonFileName);
        bool Names(string word) => section.Contains(word, StringComparison.OrdinalIgnoreCase);
        return section.Trim().Length == 0 || Names("names no source") ? Unstated
            : Names("GADM") ? Gadm
            : Names("Eurostat") || Names("GISCO") ? Gisco
            : Names("geoBoundaries") ? CcBy
            : Names("Natural Earth") || Names("Census Bureau") || Names("public domain") ? PublicDomain
            : Other;
    }

    /// <summary>The comma-separated licence ids of the operator setting, and those that name no licence.</summary>
    public static (IReadOnlySet<string> Hidden, IReadOnlyList<string> Unknown) ParseHidden(string? text)
    {
        var ids = (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var known = All.Select(l => l.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return (ids.Where(known.Contains).Select(i => i.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal),
            [.. ids.Where(i => !known.Contains(i))]);
    }

    private static string BoundarySection(string provenance, string geoJsonFileName)
    {
        var lines = provenance.Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("## ", StringComparison.Ordinal) && l.Contains(geoJsonFileName, StringComparison.OrdinalIgnoreCase));
        if (start < 0)
        {
            return provenance;
        }

        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }
}
