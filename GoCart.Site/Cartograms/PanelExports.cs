using System.Text;
using GoCart.Lambda.Drawing;
using GoCart.Site.Cartograms.Rendering;
using GoCart.Site.Data;

namespace GoCart.Site.Cartograms;

/// <summary>
/// Each panel of the result view as a file: <c>/cartogram/{key}/panels/{n}.svg</c> and <c>.png</c>, with the
/// page's own query string (<see cref="ViewSettings"/>), so the file shows what the panel shows: its title,
/// area legend and unit, colour key, grid if on, insets, labels and the credit line.
/// </summary>
public static class PanelExports
{
    public static WebApplication MapPanelExports(this WebApplication app)
    {
        app.MapGet("/cartogram/{key}/panels/{number:int}.{format}", ExportAsync);
        return app;
    }

    private static async Task<IResult> ExportAsync(
        string key, int number, string format, HttpContext context, GoCartDbContext db, CartogramViews views, CancellationToken cancellation)
    {
        if (format is not ("svg" or "png"))
        {
            return Results.Text($"Panels export as .svg or .png, not .{format}.", statusCode: StatusCodes.Status404NotFound);
        }

        if (await CartogramApi.FindAsync(key, db, cancellation, withPayload: false) is not { Status: CartogramRecordStatus.Succeeded } record)
        {
            return Results.Text($"There is no finished cartogram \"{key}\" to export.", statusCode: StatusCodes.Status404NotFound);
        }

        var view = await views.ViewAsync(record, db, cancellation);
        var settings = ViewSettings.Read(context.Request.Query, view.Scene.Columns.Count);
        if (number < 1 || number > settings.Panels.Count)
        {
            return Results.Text($"Panel {number} is not shown: this view has panels 1 to {settings.Panels.Count}.", statusCode: StatusCodes.Status404NotFound);
        }

        var picture = await views.PanelPictureAsync(record, db, settings, number - 1, cancellation);
        var name = CartogramApi.FileName(record, $"panel-{number}-{settings.Panels[number - 1].Token}.{format}");
        return format == "svg"
            ? Results.File(Encoding.UTF8.GetBytes(MapSvg.Render(picture, standalone: true)), "image/svg+xml", name)
            : Results.File(MapPng.Render(picture), "image/png", name);
    }

}
