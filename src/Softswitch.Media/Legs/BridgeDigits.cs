using Softswitch.Media.Dtmf;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Legs;

/// <summary>
/// The digits of one transcoding bridge direction: follows the source leg's RFC 4733 events (start and end from the
/// leg's <see cref="TelephoneEventReceiver"/>, growing durations from the packets themselves) and has a subclass
/// reproduce them on the target: regenerated events (<see cref="BridgeTelephoneEvents"/>) or tones in the audio
/// (<see cref="BridgeDigitTones"/>). While an event is on, the transcoded audio of this direction is held back: the
/// event stands in for it, so a far end that also listens in-band does not take the press twice.
/// </summary>
/// <remarks>
/// Driven by the source's packets, so it needs no timer: every start, longer duration and end is passed on when it
/// arrives. Called under the owning <see cref="BridgeTranscode"/>'s lock (receive loop, or the receiver's lost-end
/// timer); nothing is allocated per packet.
/// </remarks>
internal abstract class BridgeDigits
{
    // A segment of a long event (RFC 4733 §2.5.1.3) starts 0xFFFF units after the previous one.
    private const uint SegmentLength = 0xFFFF;
    private const uint MaxSegments = 64;

    private bool _active;
    private DtmfDigit _digit;
    private uint _sourceTimestamp;
    private long _sourceUnits;

    protected BridgeDigits(int sourceClockRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sourceClockRate);
        SourceClockRate = sourceClockRate;
    }

    /// <summary>RTP clock rate of the source's telephone-event: the unit of the durations given to subclasses.</summary>
    protected int SourceClockRate { get; }

    /// <summary>Volume (-dBm0) the source's last event packet reported.</summary>
    protected byte SourceVolume { get; private set; } = 10;

    /// <summary>True from an event's start to its end: the direction's audio is held back.</summary>
    public bool IsActive => _active;

    /// <summary>The receiver saw a new event (its first packet); an event still on ends first.</summary>
    public void OnStarted(DtmfEvent started)
    {
        if (started.RtpTimestamp is not { } timestamp)
        {
            return;
        }

        if (_active)
        {
            _active = false;
            Finish(_sourceUnits);
        }

        _active = true;
        _digit = started.Digit;
        _sourceTimestamp = timestamp;
        _sourceUnits = ToSourceUnits(started.Duration);
        Begin(_digit, _sourceUnits);
    }

    /// <summary>A telephone-event packet of the source (after the receiver read it): a longer duration is passed on.</summary>
    public void OnPacket(in RtpHeader header, ReadOnlySpan<byte> payload)
    {
        if (!_active || !TelephoneEventPayload.TryParse(payload, out var packet) || packet.EventCode != (byte)_digit)
        {
            return;
        }

        var offset = header.Timestamp - _sourceTimestamp;
        if (offset % SegmentLength != 0 || offset / SegmentLength > MaxSegments)
        {
            return; // another event's packet (reordered, stale)
        }

        SourceVolume = packet.Volume;
        var total = offset + (long)packet.Duration;
        if (total > _sourceUnits)
        {
            _sourceUnits = total;
            Continue(total);
        }
    }

    /// <summary>The receiver ended an event (E bit, a newer event, or no packet within its timeout).</summary>
    public void OnEnded(DtmfEvent ended)
    {
        if (!_active || ended.RtpTimestamp != _sourceTimestamp || ended.Digit != _digit)
        {
            return;
        }

        _active = false;
        _sourceUnits = Math.Max(_sourceUnits, ToSourceUnits(ended.Duration));
        Finish(_sourceUnits);
    }

    /// <summary>A transcoded audio frame of <paramref name="clockUnits"/> went out (no event was on).</summary>
    public virtual void OnAudioSent(int clockUnits)
    {
    }

    /// <summary>An event began, <paramref name="sourceUnits"/> long so far (often 0 or one packet's worth).</summary>
    protected abstract void Begin(DtmfDigit digit, long sourceUnits);

    /// <summary>The event is now <paramref name="sourceUnits"/> long.</summary>
    protected abstract void Continue(long sourceUnits);

    /// <summary>The event ended after <paramref name="sourceUnits"/>.</summary>
    protected abstract void Finish(long sourceUnits);

    /// <summary>Source units converted to another clock, rounded to the nearest unit.</summary>
    protected long ToClock(long sourceUnits, int clockRate) =>
        ((sourceUnits * clockRate) + (SourceClockRate / 2)) / SourceClockRate;

    private long ToSourceUnits(TimeSpan duration) =>
        ((duration.Ticks * SourceClockRate) + (TimeSpan.TicksPerSecond / 2)) / TimeSpan.TicksPerSecond;
}
