using Microsoft.EntityFrameworkCore;

namespace GoCart.Site.Data;

/// <summary>The production database (Npgsql); its migrations live in Data/Migrations/Postgres.</summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : GoCartDbContext(options);
