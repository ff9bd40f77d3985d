using System.Text.RegularExpressions;
using GoCart.Lambda.Geo;
using GoCart.Site.Cartograms;
using GoCart.Site.Data;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Pages.Create;

/// <summary>
/// /create: the data table of a library map or of an uploaded map (a draft). It works as a plain form: upload a
/// CSV/XLSX file to fill the table (the page then lists unmatched, duplicate and missing regions and the column
/// it used), edit it, and generate, which stores the submission, queues the job and goes to the result page.
/// </summary>
[EnableRateLimiting(RateLimitSetup.SubmissionsPolicy)]
[RequestSizeLimit(RequestSizeGuard.MaxRequestBytes)]
public sealed partial class IndexModel(MapLibrary library, SubmissionFactory factory, CartogramSubmitter submitter, GoCartDbContext database, Datasets datasets) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Map { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Draft { get; set; }

    [BindProperty]
    public string? Title { get; set; }

    [BindProperty]
    public string? ValueColumn { get; set; }

    [BindProperty]
    public string? MaxAreaError { get; set; }

    [BindProperty]
    public List<TableRow> Rows { get; set; } = [];

    [BindProperty]
    public List<PendingRow> Pending { get; set; } = [];

    /// <summary>Cells pasted from a spreadsheet (tab-separated lines), read like an uploaded file.</summary>
    [BindProperty]
    public string? Pasted { get; set; }

    [BindProperty]
    public string? Column { get; set; }

    [BindProperty]
    public string? Sheet { get; set; }

    [BindProperty]
    public IFormFile? DataFile { get; set; }

    [BindProperty]
    public string? IdProperty { get; set; }

    public IReadOnlyList<LibraryMap> Library => library.Maps;

    public LibraryMap? LibraryMap { get; private set; }

    public UploadedMap? UploadedMap { get; private set; }

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> FileColumns { get; private set; } = [];

    public IReadOnlyList<string> FileSheets { get; private set; } = [];

    public DataMatch? Report { get; private set; }

    public string? Error { get; private set; }

    public string? Notice { get; private set; }

    public bool HasMap => LibraryMap is not null || UploadedMap is not null;

    public async Task<IActionResult> OnGetAsync(string? from, CancellationToken cancellation)
    {
        if (from is not null)
        {
            return await FromRecordAsync(from, cancellation);
        }

        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        if (LibraryMap is { } map && Rows.Count == 0)
        {
            ValueColumn = map.Data.ValueColumn;
            Rows = [.. map.Regions.Select(r => new TableRow { Id = r.Id, Label = r.Label, Value = TableValue.Format(r.Value), Colour = r.Colour, Inset = r.Inset })];
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken cancellation)
    {
        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        var pasted = Pasted?.Trim() is { Length: > 0 } text ? text : null;
        if ((DataFile is null || DataFile.Length == 0) && pasted is null)
        {
            Error = "Choose a CSV or Excel file to upload, or paste cells from a spreadsheet, first.";
            return Page();
        }

        if (DataFile is { Length: > CartogramsSetup.MaxUploadBytes })
        {
            Error = $"The file is {DataFile.Length / (1024.0 * 1024):0.0} MB; the limit is {CartogramsSetup.MaxUploadBytes / (1024 * 1024)} MB.";
            return Page();
        }

        try
        {
            UploadedData data;
            if (DataFile is { Length: > 0 } file)
            {
                await using var stream = file.OpenReadStream();
                data = DataFiles.Read(stream, file.FileName, Column, Sheet);
            }
            else
            {
                data = DataFiles.FromPasted(pasted!, Column, ValueColumn);
            }

            FileColumns = data.ValueColumns;
            FileSheets = data.Sheets;
            Sheet = data.Sheets.Count > 1 ? data.Sheet : null;
            Column = data.ValueColumn;
            ValueColumn = data.ValueColumn;
            Report = RegionMatcher.Match(Regions(), data.Rows);
            // A file without an Inset for a region keeps the table's (the far-flung step's choice, or one typed in).
            var insets = Rows.Where(r => !string.IsNullOrWhiteSpace(r.Inset)).DistinctBy(r => r.Id).ToDictionary(r => r.Id, r => r.Inset, StringComparer.Ordinal);
            Rows = [.. Report.Rows.Select(r => new TableRow { Id = r.Id, Label = r.Label, Value = TableValue.Format(r.Value), Colour = r.Colour, Inset = r.Inset ?? insets.GetValueOrDefault(r.Id) })];
            FillMoreColumns(data);
            WarnAboutColumn([.. Report.Rows.Select(r => (r.Id, r.Value))]);
            Pending = [.. Report.Unmatched.Take(RegionMatcher.MaxSuggestions).Select(u => new PendingRow
            {
                Name = u.Name, Value = TableValue.Format(u.Row.Value), Label = u.Row.Label, Colour = u.Row.Colour, Inset = u.Row.Inset, SuggestionId = u.Suggestion?.Id,
            })];
            var source = data.Sheet is { } sheet ? $"the sheet \"{sheet}\"" : DataFile is { Length: > 0 } ? "the file" : "the pasted cells";
            Notice = data.ValueColumns.Count > 1
                ? $"{Capitalised(source)} has {data.ValueColumns.Count} value columns; the table holds them all, \"{data.ValueColumn}\" first. Choose another first column below and load it again to switch."
                : $"The table uses the column \"{data.ValueColumn}\" of {source}.";
        }
        catch (MapInputException exception)
        {
            Error = exception.Message;
        }

        ModelState.Clear();
        return Page();
    }

    /// <summary>
    /// "Use for …": puts the value of an unmatched name (one, by its index, or every one that has a suggestion)
    /// into the suggested region's row, then shows the table and what is still unmatched.
    /// </summary>
    public async Task<IActionResult> OnPostAcceptAsync(string? accept, CancellationToken cancellation)
    {
        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        var chosen = accept == "all"
            ? [.. Enumerable.Range(0, Pending.Count)]
            : int.TryParse(accept, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var one) && one < Pending.Count ? new List<int> { one } : [];
        var rowsById = Rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var used = new List<string>();
        foreach (var index in chosen)
        {
            var pending = Pending[index];
            if (pending.SuggestionId is { } id && rowsById.TryGetValue(id, out var row))
            {
                row.Value = pending.Value;
                row.Label = pending.Label ?? row.Label;
                row.Colour = pending.Colour ?? row.Colour;
                row.Inset = pending.Inset ?? row.Inset;
                used.Add($"“{pending.Name}” is now {Names.GetValueOrDefault(id, id)}");
                pending.SuggestionId = null;
                pending.Name = "";
            }
        }

        Pending = [.. Pending.Where(p => p.Name.Length > 0)];
        var regions = Regions().ToDictionary(r => r.Id, StringComparer.Ordinal);
        Report = new DataMatch(
            [.. Rows.Select(r => new SubmissionRow(r.Id, r.Label, TableValue.TryParse(r.Value, out var v) ? v : null, r.Colour, r.Inset))],
            [.. Pending.Select(p => new UnmatchedRow(new DataRow(p.Name, TableValue.TryParse(p.Value, out var v) ? v : null), p.SuggestionId is { } s ? regions.GetValueOrDefault(s) : null))],
            [],
            [.. Rows.Where(r => string.IsNullOrWhiteSpace(r.Value)).Select(r => Names.GetValueOrDefault(r.Id, r.Id))]);
        Notice = used.Count > 0 ? string.Join("; ", used) + "." : "Nothing to use: that suggestion is no longer in the list.";
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostGenerateAsync(CancellationToken cancellation)
    {
        if (!await LoadMapAsync(cancellation))
        {
            return Page();
        }

        var rows = new List<DataRow>(Rows.Count);
        var bad = new List<string>();
        foreach (var row in Rows)
        {
            if (!TableValue.TryParse(row.Value, out var value))
            {
                bad.Add($"{Names.GetValueOrDefault(row.Id, row.Id)} (\"{row.Value}\")");
                continue;
            }

            rows.Add(new DataRow(row.Id, value, Colour(row.Colour), row.Inset, string.IsNullOrWhiteSpace(row.Label) ? null : row.Label.Trim()));
        }

        if (bad.Count > 0)
        {
            Error = $"These values are not numbers of zero or more: {string.Join("; ", bad.Take(10))}{(bad.Count > 10 ? $" and {bad.Count - 10} more" : "")}. Leave a cell empty (or NA) for a missing value.";
            return Page();
        }

        if (ReadMoreColumns(ColumnName()) is not { } more)
        {
            return Page();
        }

        if (!TableValue.TryParse(MaxAreaError, out var percent))
        {
            Error = "The largest area error must be a number of percent, such as 1.";
            return Page();
        }

        try
        {
            var layers = await ReadLayersAsync(cancellation);
            if (StopsAtGuardrail(ColumnName(), [.. rows.Select(r => (r.Name, r.Value))], layers, out var guardrail))
            {
                return Page();
            }

            var submissions = new List<CartogramSubmission>
            {
                factory.Create(LibraryMap?.Id, UploadedMap?.Geometry, UploadedMap?.IdProperty, rows, ValueColumn, Title, percent / 100) with { Layers = layers, Guardrail = guardrail },
            };
            foreach (var (header, values) in more)
            {
                var columnRows = rows.Select((r, i) => r with { Value = values[i] }).ToList();
                if (StopsAtGuardrail(header, [.. columnRows.Select(r => (r.Name, r.Value))], layers, out var columnGuardrail))
                {
                    return Page();
                }

                submissions.Add(factory.Create(LibraryMap?.Id, UploadedMap?.Geometry, UploadedMap?.IdProperty, columnRows, header, null, percent / 100) with { Layers = layers, Guardrail = columnGuardrail });
            }

            var key = await submitter.SubmitColumnsAsync(submissions, cancellation);
            return Redirect(Choropleth && ChoroplethLink.For(key, [.. submissions.Select(s => s.Guardrail)]) is { } choropleth ? choropleth : $"/cartogram/{key}");
        }
        catch (MapInputException exception)
        {
            Error = exception.Message;
            return Page();
        }
    }

    /// <summary>Names the regions of the uploaded map by another property.</summary>
    public async Task<IActionResult> OnPostPropertyAsync(CancellationToken cancellation)
    {
        var record = await DraftAsync(cancellation);
        if (record is null)
        {
            return NotFound();
        }

        var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
        try
        {
            var map = GoCart.Site.Maps.UploadedMap.Read(submission.Geometry!.Value, IdProperty);
            record.RequestJson = CompressedJson.Serialize(submission with { RegionIdProperty = map.IdProperty, Rows = [] });
            await database.SaveChangesAsync(cancellation);
        }
        catch (MapInputException exception)
        {
            await LoadMapAsync(cancellation);
            Error = exception.Message;
            return Page();
        }

        return Redirect($"/create?draft={record.Key}");
    }

    /// <summary>Loads the chosen library map or draft; false when there is none (the page then offers the choice).</summary>
    private async Task<bool> LoadMapAsync(CancellationToken cancellation)
    {
        if (Draft is not null)
        {
            var record = await DraftAsync(cancellation);
            if (record is null)
            {
                Error = "That uploaded map is no longer stored (drafts are kept for two days). Upload it again.";
                Draft = null;
                return false;
            }

            var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
            var read = GoCart.Site.Maps.UploadedMap.Read(submission.Geometry!.Value, submission.RegionIdProperty);
            UploadedMap = read with { Warnings = [.. submission.MapNotes, .. read.Warnings] };
            Names = UploadedMap.Regions.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
            if (Rows.Count == 0)
            {
                var values = submission.Rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
                Rows = [.. UploadedMap.Regions.Select(r => values.GetValueOrDefault(r.Id) is { } v
                    ? new TableRow { Id = r.Id, Label = v.Label, Value = TableValue.Format(v.Value), Colour = v.Colour, Inset = v.Inset }
                    : new TableRow { Id = r.Id })];
                ValueColumn ??= submission.ValueColumn;
            }

            return true;
        }

        LibraryMap = library.Find(Map);
        if (LibraryMap is null)
        {
            if (Map is not null)
            {
                Error = $"There is no library map \"{Map}\". Choose one below.";
            }

            return false;
        }

        Names = LibraryMap.Regions.ToDictionary(r => r.Id, r => r.Name, StringComparer.Ordinal);
        return true;
    }

    private IReadOnlyList<MapRegion> Regions() => LibraryMap?.Regions ?? UploadedMap?.Regions ?? [];

    private async Task<CartogramRecord?> DraftAsync(CancellationToken cancellation) =>
        CartogramKeys.IsWellFormed(Draft)
            ? await database.Cartograms.FirstOrDefaultAsync(c => c.Key == Draft && c.Status == CartogramRecordStatus.Draft, cancellation)
            : null;

    /// <summary>"Edit the data and make another": a library map's table filled from the record; an uploaded map becomes a new draft.</summary>
    private async Task<IActionResult> FromRecordAsync(string key, CancellationToken cancellation)
    {
        var record = CartogramKeys.IsWellFormed(key) ? await database.Cartograms.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, cancellation) : null;
        if (record is null)
        {
            return NotFound();
        }

        var submission = CompressedJson.Deserialize<CartogramSubmission>(record.RequestJson);
        if (submission.Geometry is not null)
        {
            var draft = await submitter.SaveDraftAsync(submission, cancellation);
            return Redirect($"/create?draft={draft}");
        }

        Map = submission.MapId;
        Title = submission.Title;
        ValueColumn = submission.ValueColumn;
        MaxAreaError = TableValue.Format(submission.MaxAreaError * 100);
        Rows = [.. submission.Rows.Select(r => new TableRow { Id = r.Id, Label = r.Label, Value = TableValue.Format(r.Value), Colour = r.Colour, Inset = r.Inset })];
        FillMoreColumns(await DatasetTable.ReadAsync(record, datasets, database, cancellation));
        await LoadMapAsync(cancellation);
        return Page();
    }

    private static string Capitalised(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string? Colour(string? text) =>
        text?.Trim() is { Length: > 0 } colour && ColourPattern().IsMatch(colour) ? colour.ToLowerInvariant() : null;

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex ColourPattern();
}
