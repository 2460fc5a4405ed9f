using System.Globalization;
using System.Text.Json;

namespace Softswitch.Ivr.Flows;

/// <summary>Reads one field of a JSON reply by a dotted path (<c>account.balance</c>, <c>orders.0.status</c>).</summary>
internal static class JsonField
{
    /// <summary>The field's value as text (numbers as written, true/false), or null when the path leads nowhere or to an object.</summary>
    public static string? Find(JsonElement root, string path)
    {
        var element = root;
        foreach (var part in path.Split('.'))
        {
            if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(part, out var child))
            {
                element = child;
            }
            else if (element.ValueKind == JsonValueKind.Array && int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < element.GetArrayLength())
            {
                element = element[index];
            }
            else
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }
}
