using GoCart.Lambda.Geo;

namespace GoCart.Site.Maps;

/// <summary>
/// One map of the built-in library: a folder of MapData holding the GeoJSON, its data CSVs and a provenance
/// note. <see cref="Data"/> is the default data set (population where there is one, the insetted variant
/// preferred), which also names the GeoJSON property that identifies regions.
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
    public string IdProperty => Data.IdColumn;

    public string DefaultDataFile => DataFiles[0];
}
