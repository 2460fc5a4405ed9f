using System.Diagnostics.CodeAnalysis;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The Replaces header (RFC 3891 §6.1): <c>call-id;to-tag=…;from-tag=…[;early-only]</c>, naming a dialog at the
/// UA that receives it, where the to-tag is that UA's own (local) tag and the from-tag the other party's (§3).
/// </summary>
public sealed record ReplacesHeader(string CallId, string ToTag, string FromTag, bool EarlyOnly)
{
    /// <summary>The dialog the header names at our end: our tag is its to-tag.</summary>
    public DialogId Dialog => new(CallId, ToTag, FromTag);

    /// <summary>Reads one Replaces value; false when the Call-ID or either tag is missing or empty (§6.1: both tags are mandatory).</summary>
    public static bool TryParse(string? value, [NotNullWhen(true)] out ReplacesHeader? header)
    {
        header = null;
        if (string.IsNullOrWhiteSpace(value)) return false;
        var parts = value.Split(';', StringSplitOptions.TrimEntries);
        var callId = parts[0];
        if (callId.Length == 0 || callId.AsSpan().ContainsAny(" \t,")) return false;
        string? toTag = null, fromTag = null;
        var earlyOnly = false;
        foreach (var part in parts.AsSpan(1))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = (equals < 0 ? part : part[..equals]).Trim();
            var parameter = equals < 0 ? null : part[(equals + 1)..].Trim();
            if (name.Equals("to-tag", StringComparison.OrdinalIgnoreCase)) toTag = parameter;
            else if (name.Equals("from-tag", StringComparison.OrdinalIgnoreCase)) fromTag = parameter;
            else if (name.Equals("early-only", StringComparison.OrdinalIgnoreCase)) earlyOnly = true;
        }

        if (string.IsNullOrEmpty(toTag) || string.IsNullOrEmpty(fromTag)) return false;
        header = new ReplacesHeader(callId, toTag, fromTag, earlyOnly);
        return true;
    }

    public override string ToString() => $"{CallId};to-tag={ToTag};from-tag={FromTag}{(EarlyOnly ? ";early-only" : "")}";
}
