using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// One listening transport (UDP socket or TCP listener) bound to the switch's address and port.
/// It knows framing, not SIP semantics: whole messages go to the <see cref="ISipMessageSink"/>.
/// </summary>
public interface ISipTransport : IAsyncDisposable
{
    SipTransportKind Kind { get; }

    /// <summary>The address actually bound (port resolved when 0 was asked for).</summary>
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Binds and starts receiving; returns once bound.</summary>
    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Sends one whole message. TCP reuses an open connection to <paramref name="destination"/>
    /// or opens one. Never throws for network failures: returns false and logs instead,
    /// so a dead peer cannot take down the caller's flow. False means the peer cannot be reached (the
    /// transaction fails, §17.1.4); a UDP datagram dropped for a full local queue is logged but not false.
    /// </summary>
    ValueTask<bool> SendAsync(ReadOnlyMemory<byte> message, IPEndPoint destination, CancellationToken cancellationToken = default);
}
