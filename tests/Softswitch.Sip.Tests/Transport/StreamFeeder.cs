using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>
/// Drives <see cref="SipStreamFramer"/> the way a connection does: append each segment to a buffer,
/// take every frame that is complete, keep the rest at the front for the next segment.
/// </summary>
internal sealed class StreamFeeder(SipStreamFramer framer)
{
    private readonly List<byte> _buffer = [];
    private SipFramerState _state;

    /// <summary>Every frame found so far: the result and, for messages, the message text.</summary>
    public List<(SipFrameResult Result, string Text)> Frames { get; } = [];

    public SipFramingError? Error { get; private set; }

    public static StreamFeeder Feed(SipStreamFramer framer, IEnumerable<byte[]> segments)
    {
        var feeder = new StreamFeeder(framer);
        foreach (var segment in segments)
        {
            feeder.Append(segment);
        }

        return feeder;
    }

    public void Append(ReadOnlySpan<byte> segment)
    {
        if (Error is not null)
        {
            return;
        }

        _buffer.AddRange(segment);
        while (true)
        {
            var buffered = _buffer.ToArray();
            var result = framer.TryRead(ref _state, buffered, out int length);
            if (result == SipFrameResult.NeedMoreData)
            {
                return;
            }

            if (result == SipFrameResult.Error)
            {
                Error = _state.Error;
                Frames.Add((result, ""));
                return;
            }

            Frames.Add((result, result == SipFrameResult.Message ? SipSamples.Text(buffered.AsSpan(0, length)) : ""));
            _buffer.RemoveRange(0, length);
        }
    }
}
