using GoCart.Site.Data;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Tests.Data;

/// <summary>Each provider's migrations must describe the current model (else: dotnet ef migrations add ...).</summary>
public sealed class MigrationTests
{
    [Fact]
    public void Postgres_migrations_cover_the_model()
    {
        using var context = new PostgresDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "The model changed: add a PostgreSQL migration.");
    }

    [Fact]
    public void Sqlite_migrations_cover_the_model()
    {
        using var context = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.NotEmpty(context.Database.GetMigrations());
        Assert.False(context.Database.HasPendingModelChanges(), "The model changed: add a SQLite migration.");
    }

    [Fact]
    public void Each_provider_has_its_own_migrations()
    {
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);

        Assert.Empty(postgres.Database.GetMigrations().Intersect(sqlite.Database.GetMigrations()));
    }
}
