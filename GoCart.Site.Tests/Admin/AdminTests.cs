using System.Net;
using GoCart.Site.Admin;
using GoCart.Site.Tests.Infrastructure;
using GoCart.Site.Tests.Site;

namespace GoCart.Site.Tests.Admin;

/// <summary>The admin login (hash, lockout), the admin page and the jobs dashboard behind it.</summary>
public sealed class AdminTests
{
    private const string Password = "correct horse battery staple";

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_login_page()
    {
        await using var factory = AdminFactory();
        var client = new SiteClient(factory);

        foreach (var path in new[] { "/admin", "/admin/jobs", "/admin/jobs/stats" })
        {
            var response = await client.Http.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/admin/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_right_password_opens_the_admin_page_and_the_jobs_dashboard()
    {
        await using var factory = AdminFactory();
        var client = new SiteClient(factory);

        var login = await client.PostFormAsync("/admin/login", "/admin/login", [new("UserName", "admin"), new("Password", Password)]);

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("/admin", login.Headers.Location!.ToString());
        var page = await client.GetPageAsync("/admin");
        Assert.Contains("Contact messages waiting to be sent", page);
        Assert.Contains("Last cleanup", page);
        Assert.Contains("database: <strong>Healthy</strong>", page);
        Assert.Contains("Hangfire", await client.GetPageAsync("/admin/jobs"));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_login_even_for_the_right_password()
    {
        await using var factory = AdminFactory();
        var client = new SiteClient(factory);

        for (var i = 0; i < LoginThrottle.MaxFailures; i++)
        {
            var wrong = await client.PostFormAsync("/admin/login", "/admin/login", [new("UserName", "admin"), new("Password", "guess " + i)]);
            Assert.Contains("Wrong user name or password", await wrong.Content.ReadAsStringAsync());
        }

        var right = await client.PostFormAsync("/admin/login", "/admin/login", [new("UserName", "admin"), new("Password", Password)]);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("Too many failed attempts", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Hashes_verify_only_their_password_and_differ_by_salt()
    {
        var first = PasswordHash.Create(Password);
        var second = PasswordHash.Create(Password);

        Assert.NotEqual(first, second);
        Assert.True(PasswordHash.Verify(Password, first));
        Assert.False(PasswordHash.Verify(Password + "!", first));
        Assert.DoesNotContain(Password, first);
        Assert.False(PasswordHash.IsWellFormed("hunter2"));
    }

    [Fact]
    public void The_hash_command_reads_the_password_from_input_and_refuses_short_ones()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, HashPasswordCommand.Run(new StringReader(Password + "\n"), output, error));
        Assert.True(PasswordHash.Verify(Password, output.ToString().Trim()));
        Assert.Equal(1, HashPasswordCommand.Run(new StringReader("short\n"), TextWriter.Null, error));
        Assert.Contains("at least 12 characters", error.ToString());
    }

    private static GoCartFactory AdminFactory() => new(new Dictionary<string, string?>
    {
        ["CARTOGRAM_ADMIN_USER"] = "admin",
        ["CARTOGRAM_ADMIN_PASSWORD_HASH"] = PasswordHash.Create(Password),
    });
}
