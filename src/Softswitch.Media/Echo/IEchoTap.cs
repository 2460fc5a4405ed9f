namespace Softswitch.Media.Echo;

/// <summary>
/// Sees each audio payload an echo relays: what the caller sent and what went back. Called on the RTP receive
/// loop with a span that is reused afterwards: copy, queue and return (a recorder writes elsewhere).
/// </summary>
public interface IEchoTap
{
    void OnAudio(ReadOnlySpan<byte> fromCaller, ReadOnlySpan<byte> toCaller, uint rtpTimestamp);
}
