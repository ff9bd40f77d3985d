using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoCart.Site.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CartogramLifecycle : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "FinishedUtc",
                table: "cartograms",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExample",
                table: "cartograms",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTime>(
                name: "StartedUtc",
                table: "cartograms",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinishedUtc",
                table: "cartograms");

            migrationBuilder.DropColumn(
                name: "IsExample",
                table: "cartograms");

            migrationBuilder.DropColumn(
                name: "StartedUtc",
                table: "cartograms");
        }
    }
}
