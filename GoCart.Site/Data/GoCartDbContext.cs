using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Data;

/// <summary>
/// The site's data. Each database engine has its own derived context and migration set
/// (<see cref="PostgresDbContext"/>, <see cref="SqliteDbContext"/>), because migrations are provider-specific;
/// the rest of the site only sees this class.
/// </summary>
public abstract class GoCartDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<CartogramRecord> Cartograms => Set<CartogramRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var cartogram = modelBuilder.Entity<CartogramRecord>();
        cartogram.ToTable("cartograms");
        cartogram.HasKey(c => c.Key);
        cartogram.Property(c => c.Key).HasMaxLength(32).IsFixedLength();
        cartogram.Property(c => c.MapId).HasMaxLength(100);
        cartogram.Property(c => c.Title).HasMaxLength(200);
        cartogram.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        cartogram.Property(c => c.Error).HasMaxLength(2000);
        cartogram.HasIndex(c => new { c.Status, c.CreatedUtc });
        cartogram.HasIndex(c => new { c.IsShared, c.LastAccessedUtc });
    }
}
