using System.Net;

namespace Softswitch.Sip.Transport;

/// <summary>
/// Settings shared by the UDP and TCP transports. Defaults suit a small switch on port 5060.
/// </summary>
public sealed class SipTransportOptions
{
    /// <summary>Address to bind; <see cref="IPAddress.IPv6Any"/> binds dual-stack.</summary>
    public IPAddress Address { get; set; } = IPAddress.Any;

    /// <summary>Port to bind; 0 lets the OS choose (read it back from <see cref="ISipTransport.LocalEndPoint"/>).</summary>
    public int Port { get; set; } = 5060;

    /// <summary>Largest message accepted, headers and body together (a datagram, or one frame on a stream).</summary>
    public int MaxMessageSize { get; set; } = 65_535;

    /// <summary>
    /// A TCP connection that carried no complete message for this long is closed. RFC 5626 keep-alive pings
    /// count only on a connection that carries a registration; stray bytes and partial messages never count.
    /// </summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A message that has started to arrive over TCP must be complete within this time, or the connection is closed.</summary>
    public TimeSpan TcpMessageTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Open TCP connections (accepted plus outgoing) beyond which new ones are refused.</summary>
    public int MaxTcpConnections { get; set; } = 1_024;

    /// <summary>Accepted TCP connections from one IP address beyond which further ones from it are closed at once.</summary>
    public int MaxTcpConnectionsPerAddress { get; set; } = 32;

    /// <summary>How long an outgoing TCP connect may take before the send fails.</summary>
    public TimeSpan TcpConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The endpoint to bind, built from <see cref="Address"/> and <see cref="Port"/>.</summary>
    public IPEndPoint EndPoint => new(Address, Port);

    /// <summary>Rejects settings no transport can run with (a programming or configuration error, so it throws).</summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Address);
        ArgumentOutOfRangeException.ThrowIfNegative(Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(Port, IPEndPoint.MaxPort);
        // Smallest sensible frame: a request line, a few headers and CRLFCRLF.
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxMessageSize, 64);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpIdleTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpMessageTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTcpConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTcpConnectionsPerAddress, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpConnectTimeout, TimeSpan.Zero);
    }
}
