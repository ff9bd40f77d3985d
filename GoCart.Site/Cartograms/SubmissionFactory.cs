using System.Text.Json;
using GoCart.Lambda.Geo;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Turns what a user gave (a library map or an uploaded GeoJSON, and rows of data) into a submission, or a
/// <see cref="MapInputException"/> that says what to fix. Shared by the create page and the JSON API.
/// </summary>
public sealed class SubmissionFactory(MapLibrary maps)
{
    public const double DefaultMaxAreaError = 0.01;

    /// <summary>The regions of a library map, or of an uploaded map read with the given id property.</summary>
    public (IReadOnlyList<MapRegion> Regions, string IdProperty, LibraryMap? Library, IReadOnlyList<DroppedRegion> Dropped) Regions(string? mapId, JsonElement? geometry, string? idProperty)
    {
        if (geometry is { } uploaded)
        {
            try
            {
                var map = UploadedMap.Read(uploaded, idProperty);
                return (map.Regions, map.IdProperty, null, map.Dropped);
            }
            catch (MapInputException exception) when (exception.Field is null)
            {
                throw new MapInputException(exception.Message, exception) { Field = "geometry", Region = exception.Region };
            }
        }

        var library = maps.Find(mapId) ?? throw new MapInputException(mapId is null
            ? "Choose a map: give a library map id or upload a GeoJSON map."
            : $"There is no library map \"{mapId}\". The maps are listed at /maps (and by GET /api/v1/maps).")
        { Field = "map" };
        return (library.Regions, library.IdProperty, library, []);
    }

    /// <summary>A value for a region the map reader left out cannot be shown: name it, say why, and what to do.</summary>
    private static void CheckDropped(IReadOnlyList<DroppedRegion> dropped, IReadOnlyList<DataRow> rows, string dataField)
    {
        foreach (var region in dropped)
        {
            var key = RegionValues.Loose(region.Id);
            if (rows.Any(r => r.Value is not null && RegionValues.Loose(r.Name) == key))
            {
                throw new MapInputException($"Region \"{region.Id}\" has a value, but it {region.Reason}, so the map cannot show it. Fix its geometry in the map file, or remove its value from the data.") { Field = dataField, Region = region.Id };
            }
        }
    }

    /// <summary>
    /// The submission, after matching the rows to the map's regions and checking the values as the engine needs
    /// them. <paramref name="dataField"/> names where the rows came from, for the errors' <c>field</c>.
    /// </summary>
    public CartogramSubmission Create(string? mapId, JsonElement? geometry, string? idProperty, IReadOnlyList<DataRow> rows, string? valueColumn, string? title, double? maxAreaError, string dataField = "values")
    {
        var (regions, property, library, dropped) = Regions(mapId, geometry, idProperty);
        CheckDropped(dropped, rows, dataField);
        var match = RegionMatcher.Match(regions, rows);
        if (match.Problem() is { } problem)
        {
            throw new MapInputException(problem) { Field = dataField, Region = match.Unmatched.Count > 0 ? match.Unmatched[0].Name : match.Duplicates.Count > 0 ? match.Duplicates[0].Region : null };
        }

        try
        {
            // The matched rows are in map order, one per region.
            ValueChecks.Check(match.Rows.Select((r, i) => (regions[i].Name, r.Value)));
        }
        catch (UnusableValueException exception)
        {
            throw new UnusableValueException(exception.Message, exception) { Field = dataField, Region = exception.Region };
        }

        var error = maxAreaError ?? DefaultMaxAreaError;
        if (!(error >= 0.001 && error <= 0.5))
        {
            throw new MapInputException("The largest area error must be between 0.1% and 50% (0.001 to 0.5).") { Field = "maxAreaError" };
        }

        var column = valueColumn is { Length: > 0 } c ? c.Trim() : CartogramApi.DefaultColumn;
        var name = library?.Name ?? "Uploaded map";
        return new CartogramSubmission
        {
            MapId = library?.Id,
            Geometry = library is null ? geometry : null,
            RegionIdProperty = property,
            Title = title is { Length: > 0 } t ? t.Trim() : $"{name}: {column}",
            ValueColumn = column,
            Rows = match.Rows,
            MaxAreaError = error,
        };
    }
}
