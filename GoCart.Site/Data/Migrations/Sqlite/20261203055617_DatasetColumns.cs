using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GoCart.Site.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DatasetColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "dataset_columns",
                columns: table => new
                {
                    DatasetKey = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false),
                    Index = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CartogramKey = table.Column<string>(type: "TEXT", fixedLength: true, maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dataset_columns", x => new { x.DatasetKey, x.Index });
                    table.ForeignKey(
                        name: "FK_dataset_columns_cartograms_CartogramKey",
                        column: x => x.CartogramKey,
                        principalTable: "cartograms",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_dataset_columns_cartograms_DatasetKey",
                        column: x => x.DatasetKey,
                        principalTable: "cartograms",
                        principalColumn: "Key",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dataset_columns_CartogramKey",
                table: "dataset_columns",
                column: "CartogramKey");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dataset_columns");
        }
    }
}
