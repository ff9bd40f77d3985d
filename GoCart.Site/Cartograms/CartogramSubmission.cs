using System.Text.Json;
using GoCart.Lambda.Contract;

namespace GoCart.Site.Cartograms;

/// <summary>
/// What a user asked for, as stored with the record: a library map (by id) or an uploaded GeoJSON, the property
/// naming its regions, one row per region and the options. The job turns it into the engine's request; the
/// result page reads labels and colours from it.
/// </summary>
public sealed record CartogramSubmission
{
    public string? MapId { get; init; }

    /// <summary>The uploaded FeatureCollection; null for a library map.</summary>
    public JsonElement? Geometry { get; init; }

    public string RegionIdProperty { get; init; } = "";

    public string Title { get; init; } = "";

    /// <summary>The name of the value column, with its unit: "Population (people)".</summary>
    public string ValueColumn { get; init; } = "Value";

    public IReadOnlyList<SubmissionRow> Rows { get; init; } = [];

    public double MaxAreaError { get; init; } = 0.01;

    /// <summary>Most points per inset in the result; null for the engine's default (10,000), 0 for every point.</summary>
    public int? MaxPoints { get; init; }

    /// <summary>A distance in the result's units within which points are removed beyond <see cref="MaxPoints"/>; null for none.</summary>
    public double? Tolerance { get; init; }

    /// <summary>Extra layers (points, lines) to move with the cartogram, as GeoJSON read from the user's files.</summary>
    public IReadOnlyList<LayerInput> Layers { get; init; } = [];

    /// <summary>What to do with regions far from the main land mass: "keep" (null), "insets" or "leave-out" (<see cref="GoCart.Lambda.Geo.FarFlungChoice"/>).</summary>
    public string? FarFlung { get; init; }

    /// <summary>Region ids left out of the map.</summary>
    public IReadOnlyList<string> LeaveOut { get; init; } = [];

    /// <summary>
    /// What the upload's far-flung step did to the map (the regions and far parts it left out), shown again with
    /// the draft's table; the geometry no longer holds them, so reading it cannot say so.
    /// </summary>
    public IReadOnlyList<string> MapNotes { get; init; } = [];

    /// <summary>"leave-out" to drop the remote polygons of regions on the main map; null keeps them.</summary>
    public string? FarParts { get; init; }

    /// <summary>The guardrail's message when the value column looked like a rate (shown with the result), else null.</summary>
    public string? Guardrail { get; init; }

    /// <summary>The unit from the value column's name ("people" in "Population (people)"), or an empty string.</summary>
    public string Unit => GoCart.Lambda.Drawing.Quantities.UnitOf(ValueColumn);
}

/// <summary>One region's row: its id on the map, an optional short label, value (null = missing), colour and inset.</summary>
public sealed record SubmissionRow(string Id, string? Label, double? Value, string? Colour, string? Inset);
