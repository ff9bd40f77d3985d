using GoCart.Site.Cartograms;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;

namespace GoCart.Site.Pages;

/// <summary>What the result partial shows: its panels, tools, figures, downloads and the table of regions.</summary>
public sealed record CartogramResultModel(string Key, string Title, CartogramView View, ResultPanels Panels, bool Downloads = true);

/// <summary>What the progress partial shows while a cartogram is queued or running, or why it failed.</summary>
public sealed record CartogramProgressModel(string Key, CartogramRecordStatus Status, string? Error, string? MapId);

/// <summary>The share section: a button to share, or once shared the links, embed code and retention note.</summary>
public sealed record SharePanelModel(string Key, ShareLinks? Links, bool IsShared);
