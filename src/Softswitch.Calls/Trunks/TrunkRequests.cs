using System.Globalization;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Stack;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>The out-of-dialog requests the switch sends a carrier: REGISTER (RFC 3261 §10.2) and OPTIONS (§11).</summary>
public static class TrunkRequests
{
    /// <summary>
    /// §10.2: Request-URI the registrar's domain, From and To the account's address of record, Contact our address with
    /// the trunk's contact user, one Call-ID for every refresh and a CSeq that grows.
    /// </summary>
    public static SipRequestBuilder Register(TrunkState trunk, TrunkLocalAddress local, string callId, uint cseq, TimeSpan expires,
        KeyValuePair<string, string>? authorization = null)
    {
        var settings = trunk.Settings;
        var aor = new NameAddress(SipUri.Sip(settings.Username, settings.Domain));
        var builder = Start(SipMethod.Register, RegistrarUri(settings), settings, local)
            .WithFrom(aor)
            .WithTo(aor)
            .WithCallId(callId)
            .WithCSeq(cseq)
            .WithContact(new NameAddress(ContactUri(trunk, local)))
            .AddHeader("Expires", ((int)expires.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (authorization is { } header) builder.AddHeader(header.Key, header.Value);
        return builder;
    }

    /// <summary>§11: an OPTIONS to the carrier's domain; any response means it is there.</summary>
    public static SipRequestBuilder Options(TrunkState trunk, TrunkLocalAddress local)
    {
        var settings = trunk.Settings;
        var target = RegistrarUri(settings);
        var from = string.IsNullOrEmpty(settings.Username) ? SipUri.Sip(null, local.Host, local.Port) : SipUri.Sip(settings.Username, settings.Domain);
        return Start(SipMethod.Options, target, settings, local)
            .WithFrom(new NameAddress(from))
            .WithTo(new NameAddress(target))
            .WithContact(new NameAddress(ContactUri(trunk, local)))
            .AddHeader("Accept", "application/sdp");
    }

    /// <summary>sip:domain, with the port when one is configured and the domain is the host itself.</summary>
    public static SipUri RegistrarUri(TrunkSettings settings) =>
        SipUri.Sip(null, settings.Domain, settings.Port != 0 && string.IsNullOrWhiteSpace(settings.FromDomain) ? settings.Port : null);

    /// <summary>Our Contact for this trunk: its contact user at our address (transport=tcp over TCP).</summary>
    public static SipUri ContactUri(TrunkState trunk, TrunkLocalAddress local)
    {
        var uri = SipUri.Sip(trunk.ContactUser, local.Host, local.Port);
        return trunk.Settings.Transport == SipTransportKind.Tcp ? uri.WithParameter("transport", "tcp") : uri;
    }

    /// <summary>The loose route to the outbound proxy (RFC 3261 §8.1.2), or null without one.</summary>
    public static NameAddress? ProxyRoute(TrunkSettings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.OutboundProxy)) return null;
        var (host, port) = TrunkHostPort.Split(settings.OutboundProxy);
        return new NameAddress(SipUri.Sip(null, host, port == 0 ? null : port).WithParameter("lr", null));
    }

    private static SipRequestBuilder Start(SipMethod method, SipUri target, TrunkSettings settings, TrunkLocalAddress local)
    {
        var builder = new SipRequestBuilder(method, target)
            .WithVia(settings.Transport == SipTransportKind.Tcp ? "TCP" : "UDP", local.Host, local.Port)
            .AddHeader("User-Agent", SipServer.Name);
        if (ProxyRoute(settings) is { } route) builder.AddRoute(route);
        return builder;
    }
}
