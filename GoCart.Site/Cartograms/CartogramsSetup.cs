using GoCart.Lambda.Geo;
using GoCart.Site.Infrastructure;
using GoCart.Site.Maps;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GoCart.Site.Cartograms;

/// <summary>
/// The site's main job wired together: the map library, submissions, the GenerateCartogram job, rendered
/// results, form limits large enough for the largest map's table, and the documented JSON API.
/// </summary>
public static class CartogramsSetup
{
    /// <summary>Largest upload (map or data file) the pages accept; nginx allows a little more so the page can say so.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>
    /// Form fields the create page may post: five for each table row (id, label, value, colour, inset) of the
    /// largest map, six for each unmatched name carried with its suggestion, and the settings.
    /// </summary>
    public static int MaxFormValues => (5 * MapReadLimits.Default.MaxRegions) + (6 * RegionMatcher.MaxSuggestions) + 100;

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
        builder.Services.AddScoped<Datasets>();
        builder.Services.AddScoped<GenerateCartogramJob>();
        builder.Services.Configure<FormOptions>(options =>
        {
            options.ValueCountLimit = MaxFormValues;
            options.MultipartBodyLengthLimit = RequestSizeGuard.MaxRequestBytes;
        });

        // The create page's table binds one row per region: as many as the largest map GoCart reads (the
        // default of 1,024 refused the library's 3,108 counties with a 500).
        builder.Services.Configure<MvcOptions>(options => options.MaxModelBindingCollectionSize = MapReadLimits.Default.MaxRegions);
        builder.Services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.DescribeGoCart();
        });
        return builder;
    }

    public static WebApplication MapGoCartCartograms(this WebApplication app)
    {
        app.MapOpenApi("/api/{documentName}/openapi.json");
        app.MapCartogramApi();
        app.MapLibraryFiles();
        app.MapOldLinks();
        app.MapPanelExports();
        return app;
    }
}
