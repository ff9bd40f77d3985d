using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// One map of the library: a folder holding the GeoJSON, its data CSVs and a provenance note. <see cref="Data"/>
/// is the default data set (population where there is one, the insetted variant preferred), which also names the
/// GeoJSON property that identifies regions. <see cref="Stamp"/> changes whenever the map's files change.
/// </summary>
public sealed record LibraryMap(
    string Id,
    string Name,
    string GeoJsonPath,
    IReadOnlyList<string> DataFiles,
    RegionData Data,
    IReadOnlyList<MapRegion> Regions,
    string Attribution)
{
    /// <summary>Test maps (synthetic shapes) stay reachable by id but leave the public gallery.</summary>
    public static readonly IReadOnlySet<string> TestMaps = new HashSet<string>(StringComparer.Ordinal) { "concentric_circles" };

    public string IdProperty => Data.IdColumn;

    public string DefaultDataFile => DataFiles[0];

    public string Continent { get; init; } = MapContinents.Other;

    public MapLicence Licence { get; init; } = MapLicence.Unstated;

    /// <summary>The year of the default data (the last four-digit number in its file name), if it names one.</summary>
    public string? DataYear { get; init; }

    /// <summary>The provenance note as HTML (Markdown rendered, raw HTML escaped).</summary>
    public string AttributionHtml { get; init; } = "";

    /// <summary>Sizes and times of the map's files: a changed map gets a new example cartogram.</summary>
    public string Stamp { get; init; } = "";

    public bool Listed => !TestMaps.Contains(Id);
}
