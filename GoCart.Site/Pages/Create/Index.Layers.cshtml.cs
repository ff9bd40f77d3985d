using System.Text.Json;
using GoCart.Lambda.Contract;
using GoCart.Lambda.Geo;
using GoCart.Lambda.Layers;
using GoCart.Site.Cartograms;
using Microsoft.AspNetCore.Mvc;

namespace GoCart.Site.Pages.Create;

/// <summary>
/// The create page's extra layers (points CSV or GeoJSON points/lines, moved with the cartogram) and its guardrail:
/// a value column whose name says it is a rate is named on the page, and the user goes ahead by ticking a box
/// (layers already read ride along in a hidden field meanwhile); one that only looks like a rate by its values
/// against population goes ahead with the message kept for the result page. "Show it as a choropleth" goes ahead
/// too and opens the result on those columns' choropleths.
/// </summary>
public sealed partial class IndexModel
{
    [BindProperty]
    public List<IFormFile> LayerFiles { get; set; } = [];

    [BindProperty]
    public string? LayerJson { get; set; }

    [BindProperty]
    public bool GoAhead { get; set; }

    /// <summary>"Show it as a choropleth": go ahead, and open the result on the rate columns' choropleths.</summary>
    [BindProperty]
    public bool Choropleth { get; set; }

    /// <summary>The guardrail's message when the value column looks intensive, else null.</summary>
    public string? Guardrail { get; private set; }

    /// <summary>The names of the layers carried in <see cref="LayerJson"/>.</summary>
    public IReadOnlyList<string> CarriedLayers { get; private set; } = [];

    /// <summary>The layers of this post: newly uploaded files, else those carried from the previous step.</summary>
    private async Task<IReadOnlyList<LayerInput>> ReadLayersAsync(CancellationToken cancellation)
    {
        var files = LayerFiles.Where(f => f.Length > 0).ToList();
        if (files.Count == 0)
        {
            return LayerJson is { Length: > 0 } carried ? JsonSerializer.Deserialize<List<LayerInput>>(carried) ?? [] : [];
        }

        if (files.Count > LayerLimits.MaxLayers)
        {
            throw new MapInputException($"Choose at most {LayerLimits.MaxLayers} layer files.");
        }

        var layers = new List<LayerInput>();
        foreach (var file in files)
        {
            if (file.Length > CartogramsSetup.MaxUploadBytes)
            {
                throw new MapInputException($"The layer file \"{file.FileName}\" is {file.Length / (1024.0 * 1024):0.0} MB; the limit is {CartogramsSetup.MaxUploadBytes / (1024 * 1024)} MB.");
            }

            using var reader = new StreamReader(file.OpenReadStream());
            layers.Add(LayerInputs.FromText(Path.GetFileName(file.FileName), await reader.ReadToEndAsync(cancellation)));
        }

        return layers;
    }

    /// <summary>True when the column's name says it is intensive and the user has not said to go ahead: the page then shows why, keeping the layers.</summary>
    private bool StopsAtGuardrail(string column, IReadOnlyList<(string Id, double? Value)> rows, IReadOnlyList<LayerInput> layers, out string? message)
    {
        var verdict = SubmissionGuardrail.Check(column, rows, LibraryMap);
        message = verdict.Message;
        if (!verdict.IsIntensive || !verdict.ByName || GoAhead || Choropleth)
        {
            return false;
        }

        Guardrail = verdict.Message;
        LayerJson = layers.Count > 0 ? JsonSerializer.Serialize(layers) : null;
        CarriedLayers = [.. layers.Select(l => l.Name)];
        ModelState.Remove(nameof(LayerJson));
        return true;
    }

    /// <summary>Names the column as soon as a file fills the table.</summary>
    private void WarnAboutColumn(IReadOnlyList<(string Id, double? Value)> rows) =>
        Guardrail = SubmissionGuardrail.Check(ColumnName(), rows, LibraryMap).Message;

    private string ColumnName() => ValueColumn is { Length: > 0 } column ? column.Trim() : LibraryMap?.Data.ValueColumn ?? "Value";
}
