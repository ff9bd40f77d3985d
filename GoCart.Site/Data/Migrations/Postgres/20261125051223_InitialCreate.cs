using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoCart.Site.Data.Migrations.Postgres
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
                    Key = table.Column<string>(type: "character(32)", fixedLength: true, maxLength: 32, nullable: false),
                    MapId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastAccessedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    IsShared = table.Column<bool>(type: "boolean", nullable: false),
                    RequestJson = table.Column<byte[]>(type: "bytea", nullable: false),
                    ResultJson = table.Column<byte[]>(type: "bytea", nullable: true),
                    Error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
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
