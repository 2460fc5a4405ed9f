using System.Net;
using System.Globalization;
using System.Text;

namespace Softswitch.Sip.Messages;

/// <summary>
/// One Via value (RFC 3261 §20.42, §18.2.1; RFC 3581 rport). Immutable; the transport layer derives copies with
/// <see cref="WithReceived"/> and <see cref="WithRPort"/> when a request arrives.
/// </summary>
public sealed class ViaHeader
{
    /// <summary>The RFC 3261 branch prefix that marks a globally unique transaction id (§8.1.1.7).</summary>
    public const string MagicCookie = "z9hG4bK";

    public ViaHeader(string transport, string host, int? port, SipParameters? parameters = null, string protocol = "SIP/2.0")
    {
        Protocol = protocol;
        Transport = transport switch
        {
            "UDP" or "TCP" or "TLS" or "SCTP" or "WS" or "WSS" => transport,
            _ => transport.ToUpperInvariant(),
        };
        Host = host;
        Port = port;
        Parameters = parameters ?? SipParameters.Empty;
    }

    /// <summary>A Via for a request we send: <c>SIP/2.0/{transport} host:port;branch=...;rport</c>.</summary>
    public static ViaHeader Create(string transport, string host, int? port, string branch, bool requestRPort = true)
    {
        var parameters = SipParameters.Empty.With("branch", branch);
        return new ViaHeader(transport, host, port, requestRPort ? parameters.With("rport", null) : parameters);
    }

    /// <summary>"SIP/2.0" normally.</summary>
    public string Protocol { get; }
    /// <summary>Upper case: UDP, TCP, TLS, SCTP, WS...</summary>
    public string Transport { get; }
    public string Host { get; }
    public int? Port { get; }
    public SipParameters Parameters { get; }

    public string? Branch => Parameters["branch"];
    public bool HasMagicCookie => Branch?.StartsWith(MagicCookie, StringComparison.Ordinal) == true;
    public string? Received => Parameters["received"];
    public string? MAddr => Parameters["maddr"];
    public bool HasRPort => Parameters.Contains("rport");
    /// <summary>The rport value filled in by the server; null when absent or requested without a value.</summary>
    public int? RPort => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;

    public ViaHeader WithReceived(string address) => new(Transport, Host, Port, Parameters.With("received", address), Protocol);

    public ViaHeader WithRPort(int port) =>
        new(Transport, Host, Port, Parameters.With("rport", port.ToString(CultureInfo.InvariantCulture)), Protocol);

    /// <summary>
    /// The Via as a server passes it back (RFC 3261 §18.2.1, RFC 3581 §4): <c>received</c> when the packet came from
    /// another address than sent-by names, and with <c>rport</c> requested, its value plus <c>received</c> always.
    /// </summary>
    public ViaHeader ReceivedFrom(IPEndPoint source)
    {
        var address = source.Address.IsIPv4MappedToIPv6 ? source.Address.MapToIPv4() : source.Address;
        var text = address.ToString();
        if (HasRPort) return WithRPort(source.Port).WithReceived(text);
        var sentBy = Host.Length > 2 && Host[0] == '[' ? Host[1..^1] : Host;
        return IPAddress.TryParse(sentBy, out var host) && host.Equals(address) ? this : WithReceived(text);
    }

    public static bool TryParse(string text, out ViaHeader? via)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        via = ViaParser.TryParse(bytes, out var parts) ? FromParts(bytes, in parts) : null;
        return via is not null;
    }

    internal static ViaHeader FromParts(ReadOnlySpan<byte> text, in ViaParts parts)
    {
        var name = text[parts.ProtocolName];
        var version = text[parts.ProtocolVersion];
        var protocol = name.SequenceEqual("SIP"u8) && version.SequenceEqual("2.0"u8)
            ? "SIP/2.0"
            : SipText.Decode(name) + "/" + SipText.Decode(version);
        var transport = text[parts.Transport];
        return new ViaHeader(
            transport.SequenceEqual("UDP"u8) ? "UDP" : transport.SequenceEqual("TCP"u8) ? "TCP" : SipText.Decode(transport),
            SipText.Decode(text[parts.Host]),
            parts.Port >= 0 ? parts.Port : null,
            SipParameters.ParseHeaderParameters(text[parts.Parameters]),
            protocol);
    }

    public override string ToString()
    {
        var sb = new StringBuilder(64).Append(Protocol).Append('/').Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            sb.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }
        Parameters.AppendTo(sb);
        return sb.ToString();
    }
}
