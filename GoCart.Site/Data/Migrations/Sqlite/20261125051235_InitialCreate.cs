using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoCart.Site.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cartograms",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    MapId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastAccessedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    RequestJson = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ResultJson = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cartograms", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_cartograms_IsShared_LastAccessedUtc",
                table: "cartograms",
                columns: new[] { "IsShared", "LastAccessedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_cartograms_Status_CreatedUtc",
                table: "cartograms",
                columns: new[] { "Status", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cartograms");
        }
    }
}
