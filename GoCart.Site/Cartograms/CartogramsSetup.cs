using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The site's main job wired together: the map library, submissions, the GenerateCartogram job, rendered
/// results, form limits large enough for a county map's table, and the documented JSON API.
/// </summary>
public static class CartogramsSetup
{
    /// <summary>Largest upload (map or data file) the pages accept; nginx allows a little more so the page can say so.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    public static WebApplicationBuilder AddGoCartCartograms(this WebApplicationBuilder builder, SiteSettings settings)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new MapLibrary(
            LibraryFolders.Of(settings, builder.Environment.ContentRootPath), MapLicence.ParseHidden(settings.HiddenLicencesText).Hidden));
        builder.Services.AddSingleton<MapThumbnails>();
        builder.Services.AddHostedService<LibraryWarmUp>();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<CartogramViews>();
        builder.Services.AddOutputCache(options =>
        {
            options.SizeLimit = 256L * 1024 * 1024;
            options.MaximumBodySize = 16L * 1024 * 1024;
            options.AddPolicy(SharedPageCache.PolicyName, new SharedPageCache());
        });
        builder.Services.AddScoped<SubmissionFactory>();
        builder.Services.AddScoped<CartogramSubmitter>();
        builder.Services.AddScoped<Sharing>();
        builder.Services.AddScoped<GenerateCartogramJob>();
        builder.Services.Configure<FormOptions>(options =>
        {
            // A county map's table posts four fields for each of ~3,100 regions.
            options.ValueCountLimit = 25_000;
            options.MultipartBodyLengthLimit = RequestSizeGuard.MaxRequestBytes;
        });
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "GoCart API";
                document.Info.Description = "Contiguous cartograms from a library map or your own GeoJSON, and one number per region.";
                return Task.CompletedTask;
            });
        });
        return builder;
    }

    public static WebApplication MapGoCartCartograms(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapCartogramApi();
        app.MapLibraryFiles();
        app.MapOldLinks();
        return app;
    }
}
