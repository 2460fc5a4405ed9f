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

    /// <summary>A TCP connection with no traffic either way for this long is closed.</summary>
    public TimeSpan TcpIdleTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Open TCP connections (accepted plus outgoing) beyond which new ones are refused.</summary>
    public int MaxTcpConnections { get; set; } = 1_024;

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
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTcpConnections, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(TcpConnectTimeout, TimeSpan.Zero);
    }
}
