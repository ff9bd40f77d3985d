using System.Text.Json;
using GoCart.Lambda.Geo;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The API's far-flung options (farFlung, leaveOut, farParts), checked before the job is queued: a wrong word
/// or a region the map does not have is a 400 naming the field, the region and what to give.
/// </summary>
public static class ApiFarFlung
{
    public static (string? FarFlung, IReadOnlyList<string> LeaveOut, string? FarParts) Read(CreateCartogramBody body, JsonElement? geometry, SubmissionFactory factory)
    {
        var choice = FarFlungChoice.Parse(body.FarFlung, body.LeaveOut, body.FarParts);
        if (choice.LeaveOut.Count > 0)
        {
            var ids = factory.Regions(body.Map, geometry, body.RegionIdProperty).Regions.Select(r => r.Id).ToList();
            var known = ids.ToHashSet(StringComparer.Ordinal);
            if (choice.LeaveOut.FirstOrDefault(id => !known.Contains(id)) is { } unknown)
            {
                throw new MapInputException(FarFlungChoice.UnknownRegion(unknown, ids)) { Field = "leaveOut", Region = unknown };
            }

            if (choice.LeaveOut.Distinct(StringComparer.Ordinal).Count() >= ids.Count)
            {
                throw new MapInputException("Every region would be left out; keep at least one on the map.") { Field = "leaveOut" };
            }
        }

        return (Spelled(body.FarFlung), choice.LeaveOut, choice.LeaveOutFarParts ? FarFlungChoice.LeaveOutText : null);
    }

    private static string? Spelled(string? mode) => string.IsNullOrWhiteSpace(mode) ? null : mode.Trim().ToLowerInvariant();
}
