using GoCart.Lambda.Pipeline.Simplification;
using GoCart.Site.Data;
using GoCart.Site.Maps;
using Hangfire;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Stores submissions and hands them to Hangfire: the record is written first (under a new random key), then a
/// GenerateCartogram job that carries only the key.
/// </summary>
public sealed class CartogramSubmitter(GoCartDbContext database, IBackgroundJobClient jobs, TimeProvider time, MapLibrary maps)
{
    public async Task<string> SubmitAsync(CartogramSubmission submission, CancellationToken cancellation)
    {
        if (maps.Find(submission.MapId) is { } map && IsExample(submission, map))
        {
            return (await EnsureExampleAsync(map, cancellation)).Key;
        }

        var record = NewRecord(CartogramKeys.New(), submission, CartogramRecordStatus.Queued);
        database.Cartograms.Add(record);
        await database.SaveChangesAsync(cancellation);
        Enqueue(record.Key);
        return record.Key;
    }

    /// <summary>
    /// A dataset of several value columns, one submission per column (same map, rows and options; each its own
    /// values): one record and one job per distinct set of values, so columns with identical values share a
    /// computation, and a row per column saying which record computes it. The first column's record is the
    /// dataset (its key is the share link). One column is an ordinary submission. The columns of a dataset keep
    /// every point the engine wrote unless the submission sets MaxPoints: the result page puts them on common
    /// vertices and simplifies them together, so its panels morph point to point; each column simplified on its
    /// own would keep other points and could not be paired.
    /// </summary>
    public async Task<string> SubmitColumnsAsync(IReadOnlyList<CartogramSubmission> columns, CancellationToken cancellation)
    {
        if (columns.Count == 1)
        {
            return await SubmitAsync(columns[0], cancellation);
        }

        var records = new List<CartogramRecord>();
        var byValues = new Dictionary<string, string>(StringComparer.Ordinal);
        var datasetKey = "";
        for (var index = 0; index < columns.Count; index++)
        {
            var values = string.Join(';', columns[index].Rows.Select(r => r.Value?.ToString("R", System.Globalization.CultureInfo.InvariantCulture) ?? "-"));
            if (!byValues.TryGetValue(values, out var key))
            {
                var record = NewRecord(CartogramKeys.New(), columns[index] with { MaxPoints = columns[index].MaxPoints ?? 0 }, CartogramRecordStatus.Queued);
                records.Add(record);
                key = byValues[values] = record.Key;
            }

            datasetKey = index == 0 ? key : datasetKey;
            database.DatasetColumns.Add(new DatasetColumnRecord { DatasetKey = datasetKey, Index = index, Name = columns[index].ValueColumn, CartogramKey = key });
        }

        database.Cartograms.AddRange(records);
        await database.SaveChangesAsync(cancellation);
        foreach (var record in records)
        {
            Enqueue(record.Key);
        }

        return datasetKey;
    }

    /// <summary>An uploaded map waiting for its data: stored so the data step can come back to it.</summary>
    public async Task<string> SaveDraftAsync(CartogramSubmission submission, CancellationToken cancellation)
    {
        var record = NewRecord(CartogramKeys.New(), submission, CartogramRecordStatus.Draft);
        database.Cartograms.Add(record);
        await database.SaveChangesAsync(cancellation);
        return record.Key;
    }

    /// <summary>Computes a failed cartogram again with the same data.</summary>
    public async Task<bool> RetryAsync(string key, CancellationToken cancellation)
    {
        var record = await database.Cartograms.FirstOrDefaultAsync(c => c.Key == key, cancellation);
        if (record is not { Status: CartogramRecordStatus.Failed })
        {
            return false;
        }

        record.Status = CartogramRecordStatus.Queued;
        record.Error = null;
        await database.SaveChangesAsync(cancellation);
        Enqueue(key);
        return true;
    }

    /// <summary>
    /// The library map's example (its default data), created and queued on first use. Its key is derived from
    /// the map id, so concurrent first visits create one record.
    /// </summary>
    public async Task<CartogramRecord> EnsureExampleAsync(LibraryMap map, CancellationToken cancellation)
    {
        var key = CartogramKeys.Example(map);
        if (await database.Cartograms.AsNoTracking().Where(c => c.Key == key).WithoutPayload().FirstOrDefaultAsync(cancellation) is { } existing)
        {
            return existing;
        }

        var record = NewRecord(key, ExampleSubmission(map), CartogramRecordStatus.Queued);
        record.IsExample = true;
        database.Cartograms.Add(record);
        try
        {
            await database.SaveChangesAsync(cancellation);
        }
        catch (DbUpdateException)
        {
            database.ChangeTracker.Clear();
            return await database.Cartograms.AsNoTracking().FirstAsync(c => c.Key == key, cancellation);
        }

        Enqueue(key);
        return record;
    }

    /// <summary>The library map's own data as a submission: what its example computes.</summary>
    public static CartogramSubmission ExampleSubmission(LibraryMap map) => new()
    {
        MapId = map.Id,
        RegionIdProperty = map.IdProperty,
        Title = $"{map.Name}: {map.Data.ValueColumn}",
        ValueColumn = map.Data.ValueColumn,
        Rows = [.. map.Regions.Select(r => new SubmissionRow(r.Id, r.Label, r.Value, r.Colour, r.Inset))],
    };

    /// <summary>
    /// True when a submission asks for what the map's example already computes (same rows, insets and colours, the
    /// default area error and output budget, no layers): "make a cartogram" with unchanged library data then answers with the example itself.
    /// </summary>
    private static bool IsExample(CartogramSubmission submission, LibraryMap map)
    {
        var example = ExampleSubmission(map);
        return submission.Geometry is null
            && submission.Layers.Count == 0
            && submission.RegionIdProperty == example.RegionIdProperty
            && submission.MaxAreaError == SubmissionFactory.DefaultMaxAreaError
            && (submission.MaxPoints is null or OutputBudget.DefaultMaxPoints)
            && submission.Tolerance is null
            && string.Equals(submission.ValueColumn, example.ValueColumn, StringComparison.Ordinal)
            && Figures(submission).SequenceEqual(Figures(example));

        static IEnumerable<(string, double?, string?, string?)> Figures(CartogramSubmission s) =>
            s.Rows.Select(r => (r.Id, r.Value, r.Colour, r.Inset)).OrderBy(r => r.Id, StringComparer.Ordinal);
    }

    private CartogramRecord NewRecord(string key, CartogramSubmission submission, CartogramRecordStatus status)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new CartogramRecord
        {
            Key = key,
            MapId = submission.MapId,
            Title = submission.Title.Length > 200 ? submission.Title[..200] : submission.Title,
            Status = status,
            CreatedUtc = now,
            LastAccessedUtc = now,
            RequestJson = CompressedJson.Serialize(submission),
        };
    }

    private void Enqueue(string key) => jobs.Enqueue<GenerateCartogramJob>(job => job.RunAsync(key, CancellationToken.None));
}
