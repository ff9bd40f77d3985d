using System.Text;
using GoCart.Lambda.Drawing;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Each panel of the result view as a file: <c>/cartogram/{key}/panels/{n}.svg</c>, <c>.png</c> and <c>.pdf</c>,
/// with the page's own query string (<see cref="ViewSettings"/>, and <c>column=</c> for a dataset), so the file
/// shows what the panel shows: its title, area legend and unit, colour key, grid if on, insets, labels and the
/// credit line. A panel of any column of a dataset exports once that column's view can be drawn.
/// </summary>
public static class PanelExports
{
    public static WebApplication MapPanelExports(this WebApplication app)
    {
        app.MapGet("/cartogram/{key}/panels/{number:int}.{format}", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string key, int number, string format, HttpContext context, GoCartDbContext db, Datasets datasets, CartogramViews views, CancellationToken cancellation)
    {
        if (format is not ("svg" or "png" or "pdf"))
        {
            return Results.Text($"Panels export as .svg, .png or .pdf, not .{format}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await CartogramApi.FindAsync(key, db, cancellation, withPayload: false) is not { Status: not CartogramRecordStatus.Draft } record)
        {
            return Results.Text($"There is no cartogram \"{key}\" to export.", statusCode: StatusCodes.Status404NotFound);
        }

        var columns = await datasets.ColumnRecordsAsync(record, cancellation);
        if (Datasets.Pick([.. columns.Select(c => c.Column)], context.Request.Query["column"]) is not { } column)
        {
            return Results.Text($"Column \"{context.Request.Query["column"]}\" is not in this dataset: use 0 to {columns.Count - 1} or a column's name.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await views.DatasetViewAsync(columns, column, db, cancellation) is not { } view)
        {
            return Results.Text($"Cartogram \"{key}\" has no computed column to export yet.", statusCode: StatusCodes.Status404NotFound);
        }

        var settings = ViewSettings.Read(context.Request.Query, view.Scene.ColumnNames, column);
        if (number < 1 || number > settings.Panels.Count)
        {
            return Results.Text($"Panel {number} is not shown: this view has panels 1 to {settings.Panels.Count}.", statusCode: StatusCodes.Status404NotFound);
        }

        var panel = settings.Panels[number - 1];
        if (!PanelPicture.IsDrawable(view.Scene, panel))
        {
            return Results.Text($"Panel {number} shows the cartogram of {view.Scene.Columns[panel.Column].Name}, which is not computed yet.", statusCode: StatusCodes.Status409Conflict);
        }

        var picture = CartogramViews.ExportPicture(view, settings, number - 1);
        var name = CartogramApi.FileName(record, $"panel-{number}-{panel.Token}.{format}");
        return format switch
        {
            "svg" => Results.File(Encoding.UTF8.GetBytes(MapSvg.Render(picture, standalone: true)), "image/svg+xml", name),
            "png" => Results.File(MapPng.Render(picture), "image/png", name),
            _ => Results.File(MapPdf.Render(picture), "application/pdf", name),
        };
    }
}
