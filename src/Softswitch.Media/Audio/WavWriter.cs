using System.Buffers.Binary;

namespace Softswitch.Media.Audio;

/// <summary>
/// Streams 16-bit PCM (mono or stereo) to a WAV file: a 44-byte header with sizes 0 goes first, frames are buffered,
/// and <see cref="Flush"/> / <see cref="Dispose"/> patch the RIFF and data sizes so the file is valid after every
/// flush. A file left by a killed process is fixed by <see cref="WavRepair.Repair"/>. Writes do not allocate.
/// </summary>
public sealed class WavWriter : IDisposable
{
    private const int HeaderLength = 44;
    private const int RiffSizeOffset = 4;
    private const int DataSizeOffset = 40;

    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly byte[] _buffer = new byte[16384];
    private readonly long _headerStart;
    private int _buffered;
    private long _dataBytes;
    private bool _disposed;

    /// <summary>Creates (or overwrites) <paramref name="path"/>; readers may open it while it is being written.</summary>
    public WavWriter(string path, int sampleRate, int channels)
        : this(new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, bufferSize: 0), sampleRate, channels, leaveOpen: false)
    {
    }

    /// <summary>Writes to a seekable <paramref name="stream"/> from its current position.</summary>
    public WavWriter(Stream stream, int sampleRate, int channels, bool leaveOpen = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channels, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRate, 1);
        if (!stream.CanSeek || !stream.CanWrite)
        {
            throw new ArgumentException("The stream must be writable and seekable so the sizes can be patched.", nameof(stream));
        }

        _stream = stream;
        _leaveOpen = leaveOpen;
        _headerStart = stream.Position;
        Format = new WavFormat(WavEncoding.Pcm16, sampleRate, channels);
        WriteHeader();
    }

    /// <summary>The format written (always 16-bit PCM).</summary>
    public WavFormat Format { get; }

    /// <summary>Frames accepted so far (buffered or written).</summary>
    public long FramesWritten => (_dataBytes + _buffered) / Format.BlockAlign;

    /// <summary>Appends interleaved samples; the length must be a whole number of frames.</summary>
    public void Write(ReadOnlySpan<short> interleaved)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (interleaved.Length % Format.Channels != 0)
        {
            throw new ArgumentException($"{interleaved.Length} samples is not a whole number of {Format.Channels}-channel frames.", nameof(interleaved));
        }

        foreach (short sample in interleaved)
        {
            if (_buffered == _buffer.Length)
            {
                WriteBuffer();
            }

            BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(_buffered), sample);
            _buffered += 2;
        }
    }

    /// <summary>Interleaves two mono signals of equal length into a stereo file (e.g. caller left, agent right).</summary>
    public void WriteStereo(ReadOnlySpan<short> left, ReadOnlySpan<short> right)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Format.Channels != 2 || left.Length != right.Length)
        {
            throw new ArgumentException("WriteStereo needs a stereo writer and two signals of equal length.");
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (_buffered == _buffer.Length)
            {
                WriteBuffer();
            }

            BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(_buffered), left[i]);
            BinaryPrimitives.WriteInt16LittleEndian(_buffer.AsSpan(_buffered + 2), right[i]);
            _buffered += 4;
        }
    }

    /// <summary>Writes buffered frames, patches the header sizes and flushes to the device.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        WriteBuffer();
        PatchSizes();
        if (_stream is FileStream file)
        {
            file.Flush(flushToDisk: false);
        }
        else
        {
            _stream.Flush();
        }
    }

    /// <summary>Flushes, patches the sizes and closes the file.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Flush();
        _disposed = true;
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private void WriteBuffer()
    {
        if (_buffered == 0)
        {
            return;
        }

        _stream.Write(_buffer, 0, _buffered);
        _dataBytes += _buffered;
        _buffered = 0;
    }

    private void PatchSizes()
    {
        // RIFF sizes are 32-bit: beyond 4 GiB (37 hours of 8 kHz stereo) the header saturates.
        uint dataSize = (uint)Math.Min(_dataBytes, uint.MaxValue - HeaderLength);
        Span<byte> field = stackalloc byte[4];
        long end = _stream.Position;

        BinaryPrimitives.WriteUInt32LittleEndian(field, dataSize + HeaderLength - 8);
        _stream.Position = _headerStart + RiffSizeOffset;
        _stream.Write(field);

        BinaryPrimitives.WriteUInt32LittleEndian(field, dataSize);
        _stream.Position = _headerStart + DataSizeOffset;
        _stream.Write(field);

        _stream.Position = end;
    }

    private void WriteHeader()
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 0);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], (ushort)Format.Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)Format.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(Format.SampleRate * Format.BlockAlign));
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], (ushort)Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], 16);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], 0);
        _stream.Write(header);
    }
}
