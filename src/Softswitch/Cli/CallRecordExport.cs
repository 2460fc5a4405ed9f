using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Softswitch.Storage;
using Softswitch.Storage.CallRecords;

namespace Softswitch.Cli;

/// <summary>
/// Writes call records as <c>calls export</c> prints them: one JSON object per line, or RFC 4180 CSV (CRLF, a header
/// row, a field quoted when it holds a comma, a quote or a line break). Times are UTC ISO 8601 with milliseconds;
/// seconds and milliseconds with up to three decimals; a missing value is JSON null or an empty CSV field.
/// </summary>
internal sealed class CallRecordExport(TextWriter output, bool csv)
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly StringBuilder _line = new();

    /// <summary>The CSV header row; nothing for JSON lines.</summary>
    public async Task WriteHeaderAsync()
    {
        if (!csv) return;
        await output.WriteAsync(string.Join(',', CallRecordFields.All.Select(f => f.Name)) + "\r\n").ConfigureAwait(false);
    }

    public Task WriteAsync(StoredCallRecord record) => csv ? WriteCsvAsync(record) : WriteJsonAsync(record);

    private async Task WriteJsonAsync(StoredCallRecord record)
    {
        _buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_buffer, JsonOptions))
        {
            json.WriteStartObject();
            foreach (var (name, value) in CallRecordFields.All)
            {
                switch (value(record))
                {
                    case null: json.WriteNull(name); break;
                    case string text: json.WriteString(name, text); break;
                    case long number: json.WriteNumber(name, number); break;
                    case int number: json.WriteNumber(name, number); break;
                    case double number: json.WriteNumber(name, Math.Round(number, 3)); break;
                    case DateTimeOffset time: json.WriteString(name, Time(time)); break;
                    case var other: json.WriteString(name, Convert.ToString(other, CultureInfo.InvariantCulture)); break;
                }
            }

            json.WriteEndObject();
        }

        await output.WriteLineAsync(Encoding.UTF8.GetString(_buffer.WrittenSpan)).ConfigureAwait(false);
    }

    private async Task WriteCsvAsync(StoredCallRecord record)
    {
        _line.Clear();
        var fields = CallRecordFields.All;
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) _line.Append(',');
            var text = fields[i].Value(record) switch
            {
                null => "",
                double number => Math.Round(number, 3).ToString(CultureInfo.InvariantCulture),
                DateTimeOffset time => Time(time),
                var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
            };
            AppendCsvField(text);
        }

        _line.Append("\r\n");
        await output.WriteAsync(_line.ToString()).ConfigureAwait(false);
    }

    /// <summary>RFC 4180 §2: a field with a comma, a double quote or a line break is quoted, its quotes doubled.</summary>
    private void AppendCsvField(string text)
    {
        if (text.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _line.Append(text);
            return;
        }

        _line.Append('"').Append(text.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static string Time(DateTimeOffset time) => StorageTime.ToText(time);
}
