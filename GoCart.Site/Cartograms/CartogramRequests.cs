using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Site.Maps;

namespace GoCart.Site.Cartograms;

/// <summary>Turns a stored submission into the engine's request (ARCHITECTURE.md, Site → Lambda).</summary>
public static class CartogramRequests
{
    public static CartogramRequest Build(string key, CartogramSubmission submission, MapLibrary maps)
    {
        var geometry = submission.Geometry ?? LibraryGeometry(submission.MapId, maps);
        var insets = submission.Rows.Where(r => r.Inset is { Length: > 0 }).ToDictionary(r => r.Id, r => r.Inset!, StringComparer.Ordinal);
        return new CartogramRequest
        {
            Key = key,
            Geometry = geometry,
            RegionIdProperty = submission.RegionIdProperty,
            Values = submission.Rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal),
            Options = new CartogramOptions
            {
                MaxAreaError = submission.MaxAreaError,
                MaxPoints = submission.MaxPoints,
                Tolerance = submission.Tolerance,
                Insets = insets.Count > 0 ? insets : null,
                FarFlung = submission.FarFlung,
                LeaveOut = submission.LeaveOut.Count > 0 ? submission.LeaveOut : null,
                FarParts = submission.FarParts,
            },
            Layers = submission.Layers.Count > 0 ? submission.Layers : null,
        };
    }

    private static JsonElement LibraryGeometry(string? mapId, MapLibrary maps)
    {
        var map = maps.Find(mapId) ?? throw new CartogramException(CartogramErrorKind.InvalidInput, $"The map \"{mapId}\" is no longer in the library; pick another map.");
        using var document = JsonDocument.Parse(MapLibrary.ReadGeoJson(map));
        return document.RootElement.Clone();
    }
}
