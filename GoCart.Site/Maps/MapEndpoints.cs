using Microsoft.Net.Http.Headers;

namespace GoCart.Site.Maps;

/// <summary>Files of the library: gallery thumbnails (outline and cartogram) and each map's data template as CSV and XLSX.</summary>
public static class MapEndpoints
{
    public static WebApplication MapLibraryFiles(this WebApplication app)
    {
        app.MapGet("/maps/{id}/thumbnail.svg", async (string id, MapThumbnails thumbnails, HttpContext context) =>
        {
            if (thumbnails.Get(id) is not { } svg)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
            return Results.Text(await svg, "image/svg+xml");
        }).ExcludeFromDescription();
        app.MapGet("/maps/{id}/cartogram.svg", async (string id, MapThumbnails thumbnails, HttpContext context) =>
        {
            if (await thumbnails.CartogramAsync(id, context.RequestAborted) is { } cartogram)
            {
                context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=86400";
                return Results.Text(cartogram, "image/svg+xml");
            }

            // Not computed yet: the outline stands in, and the browser asks again soon.
            if (thumbnails.Get(id) is not { } outline)
            {
                return Results.NotFound();
            }

            context.Response.Headers[HeaderNames.CacheControl] = "no-cache";
            return Results.Text(await outline, "image/svg+xml");
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
}
