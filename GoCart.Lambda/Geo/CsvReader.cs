using System.Text;

namespace GoCart.Lambda.Geo;

/// <summary>
/// RFC 4180 CSV with the delimiter detected from the header (comma, semicolon, tab or pipe, counted outside
/// quotes): quoted fields with "" escapes, delimiters and line breaks inside quotes, CRLF, LF or CR line ends,
/// and a byte-order mark. Text from bytes goes through <see cref="TableText.Decode"/> first.
/// </summary>
public static class CsvReader
{
    public static (char Delimiter, List<List<string>> Records) Read(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var delimiter = DetectDelimiter(text);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var line = 1;
        var quoteLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.ToString().Trim().Length == 0)
            {
                quoted = true;
                quoteLine = line;
                field.Clear();
            }
            else if (c == delimiter)
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                line++;
                record.Add(field.ToString());
                field.Clear();
                AddRecord(records, record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new MapInputException($"The CSV has a quote opened on line {quoteLine} that is never closed; check the quotes around that line.");
        }

        record.Add(field.ToString());
        AddRecord(records, record);
        return (delimiter, records);
    }

    private static void AddRecord(List<List<string>> records, List<string> record)
    {
        if (record.Count > 1 || record[0].Trim().Length > 0)
        {
            records.Add(record);
        }
    }

    private static char DetectDelimiter(string text)
    {
        char[] candidates = [',', ';', '\t', '|'];
        var counts = new int[candidates.Length];
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c is '\r' or '\n')
            {
                break;
            }
            else if (!quoted && Array.IndexOf(candidates, c) is >= 0 and var index)
            {
                counts[index]++;
            }
        }

        return candidates[Array.IndexOf(counts, counts.Max())];
    }
}
