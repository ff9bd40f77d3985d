using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Data;

/// <summary>The embedded default (a SQLite file in the data folder); its migrations live in Data/Migrations/Sqlite.</summary>
public sealed class SqliteDbContext(DbContextOptions<SqliteDbContext> options) : GoCartDbContext(options);
