namespace GoCart.Site.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL and Redis servers that scripts/test.sh starts for the tests. A test that needs one and finds
/// no address fails with a message that says how to run it, instead of quietly skipping.
/// </summary>
public static class TestServers
{
    public static string PostgresAdmin => Required("GOCART_TEST_POSTGRES");

    public static string Redis => Required("GOCART_TEST_REDIS");

    public static string RedisServerBinary => Required("GOCART_TEST_REDIS_SERVER");

    /// <summary>The folder with initdb and pg_ctl, for tests that run (and restart) their own PostgreSQL server.</summary>
    public static string PostgresBinaries => Required("GOCART_TEST_POSTGRES_BIN");

    private static string Required(string variable) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run the tests with ./scripts/test.sh, which starts PostgreSQL and Redis for them.");
}
