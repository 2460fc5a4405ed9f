namespace Softswitch.Media.Dtmf;

/// <summary>One key press, whatever the method that carried it.</summary>
/// <param name="Digit">The key.</param>
/// <param name="Source">The method that reported it.</param>
/// <param name="Duration">How long the key was held, as far as known when the event was raised
/// (zero when the method does not say, e.g. application/dtmf).</param>
/// <param name="StartedAt">Wall-clock time (from the injected <see cref="TimeProvider"/>) at which
/// the press was first noticed.</param>
/// <param name="RtpTimestamp">The RFC 4733 event timestamp (start of the first segment); null for other methods.</param>
public sealed record DtmfEvent(
    DtmfDigit Digit,
    DtmfSource Source,
    TimeSpan Duration,
    DateTimeOffset StartedAt,
    uint? RtpTimestamp = null)
{
    /// <inheritdoc />
    public override string ToString() => $"{Digit.ToChar()} via {Source} ({Duration.TotalMilliseconds:0} ms)";
}
