using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;

namespace GoCart.Site.Pages;

/// <summary>
/// What the result partial shows: its panels, tools, figures, downloads (of the record <see cref="Key"/>) and the table
/// of regions; for a dataset, <see cref="Dataset"/> is where its panels export and its columns are retried.
/// </summary>
public sealed record CartogramResultModel(string Key, string Title, CartogramView View, ResultPanels Panels, bool Downloads = true)
{
    public DatasetColumnChoice? Dataset { get; init; }

    /// <summary>Panel n's export of the given format, with the view's settings (and the column the page opens on).</summary>
    public string PanelExport(int number, string format) =>
        $"/cartogram/{Dataset?.DatasetKey ?? Key}/panels/{number}.{format}?{Panels.Settings.Query()}{(Dataset is { Index: > 0 } d ? $"&column={d.Index}" : "")}";
}

/// <summary>What the progress partial shows while a cartogram is queued or running, or why it failed.</summary>
/// <see cref="Column"/> is the dataset column it is for (its retry then retries that column), or null.
public sealed record CartogramProgressModel(string Key, CartogramRecordStatus Status, string? Error, string? MapId, DatasetColumnChoice? Column = null);

/// <summary>A dataset's column on its page: the dataset's key (where the page and retry live) and the column's index.</summary>
public sealed record DatasetColumnChoice(string DatasetKey, int Index);

/// <summary>The share section: a button to share, or once shared the links, embed code and retention note.</summary>
public sealed record SharePanelModel(string Key, ShareLinks? Links, bool IsShared);

/// <summary>A dataset's list of columns with each one's state, the one shown marked, and the dataset's downloads.</summary>
public sealed record DatasetColumnsModel(string DatasetKey, IReadOnlyList<(DatasetColumn Column, CartogramRecord? Record)> Columns, int Shown);
