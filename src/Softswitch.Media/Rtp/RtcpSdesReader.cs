using System.Buffers.Binary;

namespace Softswitch.Media.Rtp;

/// <summary>Walks the chunks and items of an SDES packet body (RFC 3550 §6.5) without allocating.</summary>
public ref struct RtcpSdesReader
{
    private readonly ReadOnlySpan<byte> _body;
    private int _chunksLeft;
    private int _position;
    private bool _inChunk;
    private uint _ssrc;
    private bool _malformed;

    internal RtcpSdesReader(ReadOnlySpan<byte> body, int chunkCount)
    {
        _body = body;
        _chunksLeft = chunkCount;
    }

    /// <summary>Checks that <paramref name="chunkCount"/> chunks fit <paramref name="body"/> and each is terminated.</summary>
    internal static bool IsWellFormed(ReadOnlySpan<byte> body, int chunkCount)
    {
        var reader = new RtcpSdesReader(body, chunkCount);
        while (reader.TryReadNextCore(out _, out _, out _, out _))
        {
        }

        return !reader._malformed;
    }

    /// <summary>Reads the next item; false at the end (or at the first malformed byte).</summary>
    public bool TryReadNext(out RtcpSdesItem item)
    {
        if (TryReadNextCore(out var ssrc, out var type, out var value, out _))
        {
            item = new RtcpSdesItem(ssrc, type, value);
            return true;
        }

        item = default;
        return false;
    }

    private bool TryReadNextCore(out uint ssrc, out RtcpSdesItemType type, out ReadOnlySpan<byte> value, out bool malformed)
    {
        ssrc = 0;
        type = RtcpSdesItemType.End;
        value = default;
        malformed = false;
        while (true)
        {
            if (!_inChunk)
            {
                if (_chunksLeft == 0)
                {
                    return false;
                }

                if (_body.Length - _position < 4)
                {
                    return Fail(out malformed);
                }

                _ssrc = BinaryPrimitives.ReadUInt32BigEndian(_body[_position..]);
                _position += 4;
                _chunksLeft--;
                _inChunk = true;
            }

            if (_position >= _body.Length)
            {
                return Fail(out malformed);
            }

            var itemType = _body[_position];
            if (itemType == 0)
            {
                // The list ends with a null octet, then zeros up to the next 32-bit boundary.
                _position = (_position + 4) & ~3;
                if (_position > _body.Length)
                {
                    return Fail(out malformed);
                }

                _inChunk = false;
                continue;
            }

            if (_body.Length - _position < 2 || _body.Length - _position - 2 < _body[_position + 1])
            {
                return Fail(out malformed);
            }

            var length = _body[_position + 1];
            ssrc = _ssrc;
            type = (RtcpSdesItemType)itemType;
            value = _body.Slice(_position + 2, length);
            _position += 2 + length;
            return true;
        }
    }

    private bool Fail(out bool malformed)
    {
        _malformed = true;
        _chunksLeft = 0;
        _inChunk = false;
        malformed = true;
        return false;
    }
}
