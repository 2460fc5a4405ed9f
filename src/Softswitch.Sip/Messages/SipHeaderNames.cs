using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>Canonical and compact header names (RFC 3261 §7.3.3, §20), and name lookup without allocation.</summary>
public static class SipHeaderNames
{
    private static readonly string[] s_canonical =
    [
        "", "Accept", "Accept-Encoding", "Accept-Language", "Alert-Info", "Allow", "Allow-Events",
        "Authentication-Info", "Authorization", "Call-ID", "Call-Info", "Contact", "Content-Disposition",
        "Content-Encoding", "Content-Language", "Content-Length", "Content-Type", "CSeq", "Date", "Error-Info",
        "Event", "Expires", "From", "Identity", "In-Reply-To", "Max-Forwards", "MIME-Version", "Min-Expires",
        "Min-SE", "Organization", "Path", "P-Asserted-Identity", "Priority", "Proxy-Authenticate",
        "Proxy-Authorization", "Proxy-Require", "RAck", "Reason", "Record-Route", "Referred-By", "Refer-To",
        "Replaces", "Reply-To", "Require", "Retry-After", "Route", "RSeq", "Server", "Session-Expires", "Subject",
        "Subscription-State", "Supported", "Timestamp", "To", "Unsupported", "User-Agent", "Via", "Warning",
        "WWW-Authenticate",
    ];

    private static readonly Dictionary<string, SipHeaderId>.AlternateLookup<ReadOnlySpan<char>> s_byName = BuildLookup();

    private static Dictionary<string, SipHeaderId>.AlternateLookup<ReadOnlySpan<char>> BuildLookup()
    {
        var map = new Dictionary<string, SipHeaderId>(StringComparer.OrdinalIgnoreCase);
        for (var i = 1; i < s_canonical.Length; i++)
        {
            map[s_canonical[i]] = (SipHeaderId)i;
        }
        return map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The canonical long name of a well-known header, e.g. "Call-ID".</summary>
    public static string CanonicalName(SipHeaderId id) => s_canonical[(int)id];

    /// <summary>Identifies a header name (long or compact form, any case); unknown names give <see cref="SipHeaderId.Extension"/>.</summary>
    public static SipHeaderId Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            return Compact(name[0]);
        }
        var common = Common(name);
        if (common != SipHeaderId.Extension || name.Length > 32)
        {
            return common;
        }
        Span<char> chars = stackalloc char[name.Length];
        if (Ascii.ToUtf16(name, chars, out _) != System.Buffers.OperationStatus.Done)
        {
            return SipHeaderId.Extension;
        }
        return s_byName.TryGetValue(chars, out var id) ? id : SipHeaderId.Extension;
    }

    /// <summary>Identifies a header name given as text.</summary>
    public static SipHeaderId Identify(string name)
    {
        if (name.Length == 1)
        {
            return name[0] < 128 ? Compact((byte)name[0]) : SipHeaderId.Extension;
        }
        return s_byName.TryGetValue(name, out var id) ? id : SipHeaderId.Extension;
    }

    /// <summary>The headers in nearly every message, matched without hashing (the parser's hot path).</summary>
    private static SipHeaderId Common(ReadOnlySpan<byte> name) => name.Length switch
    {
        2 when Ascii.EqualsIgnoreCase(name, "To"u8) => SipHeaderId.To,
        3 when Ascii.EqualsIgnoreCase(name, "Via"u8) => SipHeaderId.Via,
        4 when Ascii.EqualsIgnoreCase(name, "From"u8) => SipHeaderId.From,
        4 when Ascii.EqualsIgnoreCase(name, "CSeq"u8) => SipHeaderId.CSeq,
        5 when Ascii.EqualsIgnoreCase(name, "Route"u8) => SipHeaderId.Route,
        5 when Ascii.EqualsIgnoreCase(name, "Allow"u8) => SipHeaderId.Allow,
        7 when Ascii.EqualsIgnoreCase(name, "Call-ID"u8) => SipHeaderId.CallId,
        7 when Ascii.EqualsIgnoreCase(name, "Contact"u8) => SipHeaderId.Contact,
        7 when Ascii.EqualsIgnoreCase(name, "Expires"u8) => SipHeaderId.Expires,
        9 when Ascii.EqualsIgnoreCase(name, "Supported"u8) => SipHeaderId.Supported,
        10 when Ascii.EqualsIgnoreCase(name, "User-Agent"u8) => SipHeaderId.UserAgent,
        12 when Ascii.EqualsIgnoreCase(name, "Max-Forwards"u8) => SipHeaderId.MaxForwards,
        12 when Ascii.EqualsIgnoreCase(name, "Content-Type"u8) => SipHeaderId.ContentType,
        12 when Ascii.EqualsIgnoreCase(name, "Record-Route"u8) => SipHeaderId.RecordRoute,
        14 when Ascii.EqualsIgnoreCase(name, "Content-Length"u8) => SipHeaderId.ContentLength,
        _ => SipHeaderId.Extension,
    };

    private static SipHeaderId Compact(byte letter) => (letter | 0x20) switch
    {
        'i' => SipHeaderId.CallId,
        'm' => SipHeaderId.Contact,
        'e' => SipHeaderId.ContentEncoding,
        'l' => SipHeaderId.ContentLength,
        'c' => SipHeaderId.ContentType,
        'f' => SipHeaderId.From,
        's' => SipHeaderId.Subject,
        'k' => SipHeaderId.Supported,
        't' => SipHeaderId.To,
        'v' => SipHeaderId.Via,
        'o' => SipHeaderId.Event,
        'u' => SipHeaderId.AllowEvents,
        'r' => SipHeaderId.ReferTo,
        'b' => SipHeaderId.ReferredBy,
        'x' => SipHeaderId.SessionExpires,
        'y' => SipHeaderId.Identity,
        _ => SipHeaderId.Extension,
    };
}
