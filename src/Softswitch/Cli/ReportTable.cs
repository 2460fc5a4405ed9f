using System.Text;

namespace Softswitch.Cli;

/// <summary>
/// A table of <c>softswitch report</c>: aligned columns for a person (a missing value is "-"), or RFC 4180 CSV (CRLF,
/// a header row, a field quoted when it holds a comma, a quote or a line break; a missing value is empty).
/// </summary>
internal sealed class ReportTable(IReadOnlyList<string> header)
{
    private readonly List<string?[]> _rows = [];

    public void Add(params string?[] cells) => _rows.Add(cells);

    public async Task WriteAsync(TextWriter output, bool csv)
    {
        if (csv)
        {
            await output.WriteAsync(CsvLine(header)).ConfigureAwait(false);
            foreach (var row in _rows) await output.WriteAsync(CsvLine(row)).ConfigureAwait(false);
            return;
        }

        var widths = header.Select(h => h.Length).ToArray();
        foreach (var row in _rows)
        {
            for (var i = 0; i < row.Length; i++) widths[i] = Math.Max(widths[i], (row[i] ?? "-").Length);
        }

        await output.WriteLineAsync(Aligned(header, widths)).ConfigureAwait(false);
        foreach (var row in _rows) await output.WriteLineAsync(Aligned(row, widths)).ConfigureAwait(false);
    }

    private static string Aligned(IReadOnlyList<string?> cells, int[] widths)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append((cells[i] ?? "-").PadRight(i == cells.Count - 1 ? 0 : widths[i]));
        }

        return line.ToString();
    }

    private static string CsvLine(IReadOnlyList<string?> cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) line.Append(',');
            var text = cells[i] ?? "";
            if (text.AsSpan().IndexOfAny(",\"\r\n") >= 0) line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else line.Append(text);
        }

        return line.Append("\r\n").ToString();
    }
}
