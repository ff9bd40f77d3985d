using System.Text.RegularExpressions;

namespace GoCart.Lambda.Geo;

/// <summary>
/// Reads a region data CSV (maps/README.md): any of the delimiters <see cref="CsvReader"/> detects, names with
/// stray spaces, numbers as <see cref="TableNumber"/> reads them (thousands separators, decimal commas decided
/// per column, scientific notation, a trailing %), empty cells and NA-style markers as missing values. Values
/// must be finite and zero or more. Every problem names its line and region.
/// </summary>
public static partial class RegionDataCsv
{
    private static readonly string[] ColourHeaders = ["Color", "Colour"];

    public static RegionData Parse(string text, string? valueColumn = null)
    {
        var (delimiter, records) = CsvReader.Read(text);
        if (records.Count == 0)
        {
            throw new MapInputException("The data file is empty; it needs a header row and one row per region.");
        }

        var header = records[0].Select(h => h.Trim()).ToList();
        if (header.Count < 2 || header[0].Length == 0)
        {
            throw new MapInputException("The data file needs at least two columns: the region id (headed by the map's id property) and a value.");
        }

        var colour = header.FindIndex(h => ColourHeaders.Contains(h, StringComparer.OrdinalIgnoreCase));
        var inset = header.FindIndex(h => h.Equals("Inset", StringComparison.OrdinalIgnoreCase));
        var label = header.FindIndex(h => h.Equals("Label", StringComparison.OrdinalIgnoreCase));
        var candidates = Enumerable.Range(1, header.Count - 1).Where(i => i != colour && i != inset && i != label).ToList();
        var valueColumns = candidates.Where(i => UnitPattern().IsMatch(header[i])).ToList();
        if (valueColumns.Count == 0)
        {
            valueColumns = [.. candidates.Where(i => records.Skip(1).Any(r => i < r.Count && !TableNumber.IsMissing(r[i]))
                && records.Skip(1).All(r => i >= r.Count || TableNumber.IsMissing(r[i]) || TableNumber.TryParse(r[i], DecimalComma(records, i, delimiter), out _)))];
        }

        if (valueColumns.Count == 0)
        {
            throw new MapInputException("No column of the data file holds numbers; add a value column such as \"Population (people)\".");
        }

        int chosen;
        if (valueColumn is { Length: > 0 })
        {
            chosen = header.FindIndex(h => h.Equals(valueColumn.Trim(), StringComparison.OrdinalIgnoreCase));
            if (chosen <= 0)
            {
                throw new MapInputException($"The data file has no column \"{valueColumn}\"; its value columns are: {string.Join(", ", valueColumns.Select(i => header[i]))}.");
            }
        }
        else
        {
            chosen = valueColumns[0];
        }

        var decimalComma = DecimalComma(records, chosen, delimiter);
        var rows = new List<RegionDataRow>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            var line = r + 1;
            var id = Cell(record, 0).Trim();
            if (id.Length == 0)
            {
                throw new MapInputException($"Line {line} of the data file has no region id in its first column.");
            }

            if (!seen.TryAdd(id, line))
            {
                throw new MapInputException($"Region \"{id}\" appears twice in the data file (lines {seen[id]} and {line}); keep one row per region.");
            }

            var value = ParseValue(Cell(record, chosen), decimalComma, id, line, header[chosen]);
            rows.Add(new RegionDataRow(line, id, value, ParseColour(Cell(record, colour), id, line), ParseInset(Cell(record, inset), id, line), NullIfEmpty(Cell(record, label))));
        }

        if (rows.Count == 0)
        {
            throw new MapInputException("The data file has a header but no rows; add one row per region.");
        }

        return new RegionData(header[0], [.. valueColumns.Select(i => header[i])], header[chosen], rows);
    }

    private static double? ParseValue(string cell, bool decimalComma, string id, int line, string column)
    {
        var text = cell.Trim();
        if (TableNumber.IsMissing(text))
        {
            return null;
        }

        if (!TableNumber.TryParse(text, decimalComma, out var value))
        {
            throw new MapInputException($"Line {line}, region \"{id}\": \"{text}\" in column \"{column}\" is not a number. Use digits (with a decimal point or comma), or leave the cell empty or NA for a missing value.") { Region = id };
        }

        if (!double.IsFinite(value))
        {
            throw new UnusableValueException($"Line {line}, region \"{id}\": \"{text}\" is not a finite number.") { Region = id };
        }

        if (value < 0)
        {
            throw new UnusableValueException($"Line {line}, region \"{id}\": {text} is negative. Cartogram values are sizes and must be zero or more.") { Region = id };
        }

        return value;
    }

    private static bool DecimalComma(List<List<string>> records, int column, char delimiter) =>
        TableNumber.UsesDecimalComma(records.Skip(1).Select(r => Cell(r, column)), delimiter);

    private static string? ParseColour(string cell, string id, int line)
    {
        var text = cell.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return ColourPattern().IsMatch(text)
            ? text.ToLowerInvariant()
            : throw new MapInputException($"Line {line}, region \"{id}\": colour \"{text}\" is not a hex colour like #1f78b4.");
    }

    private static string? ParseInset(string cell, string id, int line)
    {
        var text = cell.Trim().ToUpperInvariant();
        return text switch
        {
            "" => null,
            "C" or "L" or "R" or "T" or "B" => text,
            _ => throw new MapInputException($"Line {line}, region \"{id}\": inset \"{cell.Trim()}\" must be one of C (main map), L, R, T or B."),
        };
    }

    private static string Cell(List<string> record, int index) => index >= 0 && index < record.Count ? record[index] : "";

    private static string? NullIfEmpty(string text) => text.Trim() is { Length: > 0 } t ? t : null;

    [GeneratedRegex(@"\(.+\)\s*$")]
    private static partial Regex UnitPattern();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex ColourPattern();
}
