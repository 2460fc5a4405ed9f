using System.Text;

namespace Softswitch.Media.Sdp;

/// <summary>
/// Reads an SDP body (RFC 8866). Strict where the RFC is: <c>v=0</c> first, every line <c>&lt;letter&gt;=</c>,
/// <c>o=</c>, <c>s=</c> and <c>t=</c> present, each field well formed. Tolerant where real phones are sloppy:
/// LF-only line ends, trailing spaces and tabs, blank lines, repeated spaces between tokens, fields in any
/// order within the session section. Never throws on bad input.
/// </summary>
public static class SdpParser
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Parses a body; on failure <paramref name="error"/> names the line and the rule broken.</summary>
    public static SdpParseStatus TryParse(ReadOnlySpan<byte> data, out SessionDescription? description, out string error)
    {
        description = null;
        var builder = new Builder();
        var lineNumber = 0;
        while (!data.IsEmpty)
        {
            lineNumber++;
            var end = data.IndexOf((byte)'\n');
            var line = end < 0 ? data : data[..end];
            data = end < 0 ? default : data[(end + 1)..];
            line = line.TrimEnd(" \t\r"u8);
            if (line.IsEmpty)
            {
                continue;
            }
            if (line.Length < 2 || line[1] != (byte)'=' || line[0] is < (byte)'a' or > (byte)'z')
            {
                error = $"line {lineNumber}: not of the form <type>=<value>";
                return SdpParseStatus.Invalid;
            }
            var problem = builder.Add((char)line[0], s_utf8.GetString(line[2..]));
            if (problem is not null)
            {
                error = $"line {lineNumber}: {problem}";
                return SdpParseStatus.Invalid;
            }
        }
        return builder.TryFinish(out description, out error) ? SdpParseStatus.Ok : SdpParseStatus.Invalid;
    }

    /// <summary>Parses a body held in a string (tests, configuration).</summary>
    public static SdpParseStatus TryParse(string text, out SessionDescription? description, out string error) =>
        TryParse(s_utf8.GetBytes(text), out description, out error);

    /// <summary>Accumulates lines in order; each <see cref="Add"/> returns an error text or null.</summary>
    private sealed class Builder
    {
        private bool _sawVersion;
        private SdpOrigin? _origin;
        private string? _sessionName;
        private readonly SessionDescription _session = new(new SdpOrigin("-", "0", 0, "IN", "IP4", "0.0.0.0"));
        private MediaDescription? _media;

        public string? Add(char type, string value)
        {
            if (!_sawVersion)
            {
                if (type != 'v')
                {
                    return "the first line must be v= (RFC 8866 §5)";
                }
                _sawVersion = true;
                return value == "0" ? null : $"unsupported SDP version '{value}'";
            }
            return _media is null ? AddSessionLine(type, value) : AddMediaLine(_media, type, value);
        }

        public bool TryFinish(out SessionDescription? description, out string error)
        {
            description = null;
            error = !_sawVersion ? "empty body"
                : _origin is null ? "missing o= line"
                : _sessionName is null ? "missing s= line"
                : _session.Timings.Count == 0 ? "missing t= line"
                : "";
            if (error.Length > 0)
            {
                return false;
            }
            _session.Origin = _origin!;
            _session.SessionName = _sessionName!;
            description = _session;
            return true;
        }

        private string? AddSessionLine(char type, string value)
        {
            switch (type)
            {
                case 'v':
                    return "v= may appear only once";
                case 'o':
                    if (_origin is not null) { return "o= may appear only once"; }
                    return SdpFieldParser.TryParseOrigin(value, out _origin) ? null : "malformed o= line";
                case 's':
                    if (_sessionName is not null) { return "s= may appear only once"; }
                    _sessionName = value;
                    return null;
                case 'i': return SetOnce(value, _session.Information, v => _session.Information = v, 'i');
                case 'u': return SetOnce(value, _session.Uri, v => _session.Uri = v, 'u');
                case 'e': _session.Emails.Add(value); return null;
                case 'p': _session.Phones.Add(value); return null;
                case 'c':
                    if (_session.Connection is not null) { return "c= may appear only once at session level"; }
                    if (!SdpFieldParser.TryParseConnection(value, out var connection)) { return "malformed c= line"; }
                    _session.Connection = connection;
                    return null;
                case 'b':
                    if (!SdpFieldParser.TryParseBandwidth(value, out var bandwidth)) { return "malformed b= line"; }
                    _session.Bandwidths.Add(bandwidth!);
                    return null;
                case 't':
                    if (!SdpFieldParser.TryParseTiming(value, out var timing)) { return "malformed t= line"; }
                    _session.Timings.Add(timing!);
                    return null;
                case 'r':
                    if (_session.Timings.Count == 0) { return "r= must follow a t= line"; }
                    _session.Timings[^1].RepeatTimes.Add(value);
                    return null;
                case 'z': return SetOnce(value, _session.TimeZones, v => _session.TimeZones = v, 'z');
                case 'k': return SetOnce(value, _session.EncryptionKey, v => _session.EncryptionKey = v, 'k');
                case 'a':
                    if (!SdpFieldParser.TryParseAttribute(value, out var attribute)) { return "malformed a= line"; }
                    _session.Attributes.Add(attribute!);
                    return null;
                case 'm':
                    return StartMedia(value);
                default:
                    return $"unknown line type '{type}='";
            }
        }

        private string? AddMediaLine(MediaDescription media, char type, string value)
        {
            switch (type)
            {
                case 'm':
                    return StartMedia(value);
                case 'i':
                    return SetOnce(value, media.Title, v => media.Title = v, 'i');
                case 'c':
                    if (!SdpFieldParser.TryParseConnection(value, out var connection)) { return "malformed c= line"; }
                    media.Connections.Add(connection!);
                    return null;
                case 'b':
                    if (!SdpFieldParser.TryParseBandwidth(value, out var bandwidth)) { return "malformed b= line"; }
                    media.Bandwidths.Add(bandwidth!);
                    return null;
                case 'k':
                    return SetOnce(value, media.EncryptionKey, v => media.EncryptionKey = v, 'k');
                case 'a':
                    if (!SdpFieldParser.TryParseAttribute(value, out var attribute)) { return "malformed a= line"; }
                    media.Attributes.Add(attribute!);
                    return null;
                case 'v' or 'o' or 's' or 'u' or 'e' or 'p' or 't' or 'r' or 'z':
                    return $"{type}= is not allowed inside a media section";
                default:
                    return $"unknown line type '{type}='";
            }
        }

        private string? StartMedia(string value)
        {
            if (!SdpFieldParser.TryParseMedia(value, out var media))
            {
                return "malformed m= line";
            }
            _session.Media.Add(media!);
            _media = media;
            return null;
        }

        private static string? SetOnce(string value, string? current, Action<string> set, char type)
        {
            if (current is not null)
            {
                return $"{type}= may appear only once here";
            }
            set(value);
            return null;
        }
    }
}
