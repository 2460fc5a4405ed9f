using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Rtp;

namespace Softswitch.Media.Recording;

/// <summary>
/// One direction of a recorded call (one WAV channel): a jitter buffer filled from the RTP side, and on each clock
/// tick one 20 ms frame popped, decoded (or concealed, or silence, also for a DTX gap the timestamps show), resampled to the recording rate. Packets may be
/// any whole number of milliseconds long: decoded audio waits in a small FIFO, so a 30 ms packet feeds one and a half
/// frames. All memory is allocated here.
/// </summary>
internal sealed class RecordingChannel : IDisposable
{
    /// <summary>
    /// Frames of codec concealment (Opus) played when the buffer runs dry mid-stream, before falling back to silence:
    /// 60 ms bridges a late or lost packet the buffer cannot know about yet, while a stream that stopped (hold) fades
    /// out quickly instead of being invented.
    /// </summary>
    private const int UnderrunConcealFrames = 3;

    private readonly Lock _gate = new();
    private readonly JitterBuffer _buffer;
    private readonly IAudioCodec _decoder;
    private readonly Resampler _resampler;
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly int _clockRate;
    private readonly int _frameSamples;
    private readonly byte[] _payload;
    private readonly short[] _pcm;
    private int _pending;
    private int _underrunConcealLeft;
    private long _framesConcealed;
    private long _packetsDiscarded;
    private long _gapFrames;
    private bool _disposed;

    /// <param name="decoder">This channel's own instance (Opus keeps state per stream); disposed with the channel.</param>
    /// <param name="maxPayloadSize">Largest RTP payload accepted.</param>
    /// <param name="recordingRate">Sample rate of the frames <see cref="Render"/> produces.</param>
    /// <param name="time">Source of packet arrival times for the jitter estimate.</param>
    public RecordingChannel(IAudioCodec decoder, int maxPayloadSize, int recordingRate, TimeProvider time)
    {
        _decoder = decoder;
        _time = time;
        _start = time.GetTimestamp();
        _clockRate = decoder.ClockRate;
        _frameSamples = decoder.FrameSamples;
        _buffer = new JitterBuffer(new JitterBufferOptions
        {
            ClockRate = decoder.ClockRate,
            FrameSamples = decoder.FrameSamples * decoder.ClockRate / decoder.SampleRate,
            MaxPayloadSize = maxPayloadSize,
        });
        _resampler = new Resampler(decoder.SampleRate, recordingRate);
        _payload = new byte[maxPayloadSize];
        // Room for the longest packet (120 ms of Opus, or a G.711 payload of one byte per sample) after a partial frame.
        _pcm = new short[_frameSamples + Math.Max(OpusCodec.MaxFrameSamples, maxPayloadSize)];
    }

    /// <summary>Frames that were due but lost or unplayable, filled by the codec's concealment or with silence (a dry buffer is not counted).</summary>
    public long FramesConcealed => Interlocked.Read(ref _framesConcealed);

    /// <summary>Frames of sender silence (DTX gaps in the timestamps) recorded as silence or comfort noise (clock thread).</summary>
    public long GapFrames => Interlocked.Read(ref _gapFrames);

    /// <summary>Packets the jitter buffer refused: too late, duplicate or oversized.</summary>
    public long PacketsDiscarded => Interlocked.Read(ref _packetsDiscarded);

    /// <summary>Queues a packet (RTP receive loop or clock thread).</summary>
    public void Insert(ushort sequence, uint timestamp, bool marker, ReadOnlySpan<byte> payload)
    {
        // Arrival in RTP clock units, wrapping at 32 bits like the timestamps; double keeps days of calls exact enough.
        uint arrival = (uint)(long)(_time.GetElapsedTime(_start).TotalSeconds * _clockRate);
        JitterBufferInsertResult result;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            result = _buffer.Insert(sequence, timestamp, marker, payload, arrival);
        }

        if (result is not (JitterBufferInsertResult.Stored or JitterBufferInsertResult.Resynced))
        {
            Interlocked.Increment(ref _packetsDiscarded);
        }
    }

    /// <summary>Writes the next 20 ms of this direction at the recording rate into <paramref name="frame"/> (clock thread only).</summary>
    public void Render(Span<short> frame)
    {
        while (_pending < _frameSamples)
        {
            JitterBufferPopResult result;
            int length;
            lock (_gate)
            {
                result = _buffer.Pop(_payload, out length);
            }

            Span<short> free = _pcm.AsSpan(_pending);
            switch (result)
            {
                case JitterBufferPopResult.Frame:
                    int decoded = _decoder.Decode(_payload.AsSpan(0, length), free);
                    if (decoded > 0)
                    {
                        _pending += decoded;
                        _underrunConcealLeft = UnderrunConcealFrames;
                    }
                    else
                    {
                        // A corrupt payload is as good as lost.
                        Interlocked.Increment(ref _framesConcealed);
                        Conceal(free);
                    }

                    break;
                case JitterBufferPopResult.Missing:
                    Interlocked.Increment(ref _framesConcealed);
                    Conceal(free);
                    break;
                case JitterBufferPopResult.Gap:
                    // DTX: the sender's timestamps say it kept silent this long. Not loss, but the time must pass
                    // here too or this channel runs ahead of the other one; Opus fills it with its comfort noise.
                    Interlocked.Increment(ref _gapFrames);
                    Conceal(free);
                    break;
                default:
                    if (_underrunConcealLeft > 0 && _decoder.SupportsConcealment)
                    {
                        _underrunConcealLeft--;
                        Conceal(free);
                        break;
                    }

                    // Nothing received yet, between talkspurts or on hold: the channel is silent, time goes on.
                    free[..(_frameSamples - _pending)].Clear();
                    _pending = _frameSamples;
                    break;
            }
        }

        int produced = _resampler.Process(_pcm.AsSpan(0, _frameSamples), frame);
        frame[produced..].Clear();
        _pending -= _frameSamples;
        _pcm.AsSpan(_frameSamples, _pending).CopyTo(_pcm);
    }

    /// <summary>Releases the decoder; later packets are ignored.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _decoder.Dispose();
    }

    private void Conceal(Span<short> free)
    {
        Span<short> lost = free[.._frameSamples];
        int concealed = _decoder.SupportsConcealment ? _decoder.Conceal(lost) : 0;
        if (concealed <= 0)
        {
            lost.Clear();
            concealed = _frameSamples;
        }

        _pending += Math.Min(concealed, _frameSamples);
    }
}
