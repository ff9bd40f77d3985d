using GoCart.Site.Admin;
using GoCart.Site.Cartograms;
using GoCart.Site.Infrastructure;

if (args is [HealthProbe.Command, ..])
{
    return await HealthProbe.RunAsync(args);
}

if (args is [HashPasswordCommand.Name, ..])
{
    return HashPasswordCommand.Run(Console.In, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddGoCartLogging();
var settings = builder.AddGoCartSettings();
builder.AddGoCartWeb(settings);
builder.AddGoCartPersistence(settings);
builder.AddGoCartJobs(settings);
builder.AddGoCartHealth(settings);
builder.AddGoCartComputation(settings);
builder.AddGoCartProgress(settings);
builder.AddGoCartCartograms();
builder.AddGoCartRateLimits();
builder.AddGoCartAdmin();

var app = builder.Build();
if (args.Contains("migrate"))
{
    await app.Services.MigrateDatabaseAsync();
    app.LogMigrated(settings);
    return 0;
}

app.LogBackends(settings);
if (settings.MigrateAtStartup)
{
    await app.Services.MigrateDatabaseAsync();
}

app.UseGoCartForwardedHeaders(settings);
app.UseGoCartRequestLogging();
app.UseGoCartMetrics();
app.UseGoCartWeb();
app.MapGoCartHealth();
app.MapGoCartJobsDashboard();
app.MapGoCartProgress();
app.MapGoCartCartograms();
app.ScheduleGoCartCleanup();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
