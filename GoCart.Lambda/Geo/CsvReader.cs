using System.Text;

namespace GoCart.Lambda.Geo;

/// <summary>
/// RFC 4180 CSV with the delimiter detected from the header (comma, semicolon or tab): quoted fields with ""
/// escapes, delimiters and line breaks inside quotes, CRLF or LF, and a UTF-8 byte-order mark.
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
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        char[] candidates = [',', ';', '\t'];
        return candidates.OrderByDescending(d => header.Count(c => c == d)).First();
    }
}
