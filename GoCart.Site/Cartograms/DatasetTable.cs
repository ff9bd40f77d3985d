using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// A dataset's data as one table in the library's layout (region id, every value column, Color, Inset, Label),
/// read from its columns' stored submissions: what the CSV and XLSX downloads hold, ready to upload again.
/// </summary>
public sealed record DatasetTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<object?>> Rows)
{
    public static async Task<DatasetTable> ReadAsync(CartogramRecord dataset, Datasets datasets, GoCartDbContext database, CancellationToken cancellation)
    {
        var columns = await datasets.ColumnsAsync(dataset, cancellation);
        var keys = columns.Select(c => c.CartogramKey).Distinct().ToList();
        var requests = await database.Cartograms.AsNoTracking().Where(c => keys.Contains(c.Key))
            .Select(c => new { c.Key, c.RequestJson }).ToListAsync(cancellation);
        var submissions = requests.ToDictionary(r => r.Key, r => CompressedJson.Deserialize<CartogramSubmission>(r.RequestJson), StringComparer.Ordinal);
        var first = submissions[columns[0].CartogramKey];
        var values = columns.Select(c => submissions.TryGetValue(c.CartogramKey, out var s)
            ? s.Rows.ToDictionary(r => r.Id, r => r.Value, StringComparer.Ordinal)
            : []).ToList();
        var names = columns.Select(c => c.Name.Length > 0 ? c.Name : first.ValueColumn);
        return new DatasetTable(
            [first.RegionIdProperty, .. names, "Color", "Inset", "Label"],
            [.. first.Rows.Select(r => (IReadOnlyList<object?>)[r.Id, .. values.Select(v => (object?)v.GetValueOrDefault(r.Id)), r.Colour, r.Inset, r.Label])]);
    }
}
