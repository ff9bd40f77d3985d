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

    public DbSet<DatasetColumnRecord> DatasetColumns => Set<DatasetColumnRecord>();

    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();

    public DbSet<CleanupRun> CleanupRuns => Set<CleanupRun>();

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

        var column = modelBuilder.Entity<DatasetColumnRecord>();
        column.ToTable("dataset_columns");
        column.HasKey(c => new { c.DatasetKey, c.Index });
        column.Property(c => c.DatasetKey).HasMaxLength(32).IsFixedLength();
        column.Property(c => c.CartogramKey).HasMaxLength(32).IsFixedLength();
        column.Property(c => c.Name).HasMaxLength(100);
        column.HasOne<CartogramRecord>().WithMany().HasForeignKey(c => c.DatasetKey).OnDelete(DeleteBehavior.Cascade);
        column.HasOne<CartogramRecord>().WithMany().HasForeignKey(c => c.CartogramKey).OnDelete(DeleteBehavior.Cascade);
        column.HasIndex(c => c.CartogramKey);

        var message = modelBuilder.Entity<ContactMessage>();
        message.ToTable("contact_messages");
        message.Property(m => m.Name).HasMaxLength(100);
        message.Property(m => m.Email).HasMaxLength(254);
        message.Property(m => m.Subject).HasMaxLength(150);
        message.Property(m => m.Body).HasMaxLength(5000);
        message.Property(m => m.LastError).HasMaxLength(500);
        message.HasIndex(m => m.SentUtc);

        var cleanup = modelBuilder.Entity<CleanupRun>();
        cleanup.ToTable("cleanup_runs");
        cleanup.HasIndex(c => c.StartedUtc);
    }
}
