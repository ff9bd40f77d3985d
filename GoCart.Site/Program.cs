using GoCart.Site.Admin;
using GoCart.Site.Cartograms;
using GoCart.Site.Contact;
using GoCart.Site.Infrastructure;
using Microsoft.Extensions.Options;

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
SiteSettings settings;
try
{
    settings = builder.AddGoCartSettings();
}
catch (OptionsValidationException exception)
{
    return StartupFailure.Report(builder.Environment, $"the configuration is invalid. {string.Join(" ", exception.Failures)}");
}

builder.AddGoCartWeb(settings);
builder.AddGoCartPersistence(settings);
builder.AddGoCartJobs(settings);
builder.AddGoCartHealth(settings);
builder.AddGoCartComputation(settings);
builder.AddGoCartProgress(settings);
builder.AddGoCartCartograms(settings);
builder.AddGoCartRateLimits(settings);
builder.AddGoCartAdmin();
builder.AddGoCartContact(settings);

var app = builder.Build();
if (args.Contains("migrate"))
{
    try
    {
        await app.Services.MigrateDatabaseAsync();
    }
    catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
    {
        return StartupFailure.Report(app.Environment, $"migrating the database failed ({PersistenceSetup.Describe(settings)}): {exception.Message}");
    }

    app.LogMigrated(settings);
    return 0;
}

app.LogBackends(settings);
if (settings.MigrateAtStartup)
{
    await app.Services.MigrateDatabaseAsync();
}

app.UseGoCartForwardedHeaders(settings);
app.UseGoCartSecurityHeaders();
app.UseGoCartRequestLogging();
app.UseGoCartMetrics();
app.UseGoCartWeb(settings);
app.MapGoCartHealth();
app.MapGoCartJobsDashboard();
app.MapGoCartProgress();
app.MapGoCartCartograms();
app.ScheduleGoCartCleanup();
await app.RunAsync();
return 0;

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
