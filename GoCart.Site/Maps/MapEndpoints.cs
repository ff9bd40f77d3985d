using Microsoft.Net.Http.Headers;

namespace GoCart.Site.Maps;

/// <summary>Files of the library: gallery thumbnails (outline and cartogram) and each map's data template as CSV and XLSX.</summary>
public static class MapEndpoints
{
    public static WebApplication MapLibraryFiles(this WebApplication app)
    {
        // Neither picture ever waits to be drawn (MapThumbnails): what is not ready answers with what is, the outline
        // for the cartogram or a placeholder for either, not stored by the browser so that its next visit asks again.
        app.MapGet("/maps/{id}/thumbnail.svg", (string id, MapLibrary maps, MapThumbnails thumbnails, HttpContext context) =>
            maps.Find(id) is { } map ? Picture(context, thumbnails.ReadyOutline(map), ready: true) : Results.NotFound())
            .ExcludeFromDescription();
        app.MapGet("/maps/{id}/cartogram.svg", (string id, MapLibrary maps, MapThumbnails thumbnails, HttpContext context) =>
        {
            if (maps.Find(id) is not { } map)
            {
                return Results.NotFound();
            }

            return thumbnails.ReadyCartogram(map) is { } cartogram
                ? Picture(context, cartogram, ready: true)
                : Picture(context, thumbnails.ReadyOutline(map), ready: false);
        }).ExcludeFromDescription();
        app.MapGet("/maps/{id}/template.csv", (string id, MapLibrary maps) =>
            maps.Find(id) is { } map ? Results.File(Templates.Csv(map), "text/csv; charset=utf-8", $"{map.Id}_template.csv") : Results.NotFound())
            .ExcludeFromDescription();
        app.MapGet("/maps/{id}/template.xlsx", (string id, MapLibrary maps) =>
            maps.Find(id) is { } map
                ? Results.File(Templates.Workbook(map), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"{map.Id}_template.xlsx")
                : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Picture(HttpContext context, string? svg, bool ready)
    {
        context.Response.Headers[HeaderNames.CacheControl] = ready && svg is not null ? "public, max-age=86400" : "no-store";
        return Results.Text(svg ?? ThumbnailSvg.Placeholder, "image/svg+xml");
    }
}
