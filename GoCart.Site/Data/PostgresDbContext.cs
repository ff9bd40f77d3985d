using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Data;

/// <summary>
/// The production database (Npgsql); its migrations live in Data/Migrations/Postgres. It also holds the
/// data-protection keys, so that every replica signs and reads cookies and form tokens with the same keys
/// (the embedded SQLite default keeps them as files in the data folder instead).
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : GoCartDbContext(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
    }
}
