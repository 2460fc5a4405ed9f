using System.Buffers.Binary;

namespace Softswitch.Media.Audio;

/// <summary>
/// Fixes the header of a WAV file whose writer was killed before patching its sizes (recordings at start-up), so that
/// sox and other players read it: data size = file length − data offset, rounded down to whole frames.
/// </summary>
public static class WavRepair
{
    /// <summary>Repairs <paramref name="path"/> in place when its sizes disagree with its length.</summary>
    public static WavRepairResult Repair(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        if (WavHeader.TryRead(stream, out WavHeader header) != WavReadStatus.Ok)
        {
            return WavRepairResult.NotRepairable;
        }

        long available = stream.Length - header.DataOffset;
        long declared = header.DeclaredDataSize;
        if (declared > 0 && declared < available && HasChunkAfterData(stream, header.DataOffset + declared + (declared & 1)))
        {
            // A complete file with chunks after the audio (e.g. a trailing LIST): its sizes are right.
            return RiffSizeMatches(stream) ? WavRepairResult.AlreadyValid : PatchRiffSize(stream);
        }

        long dataSize = Math.Min(available, uint.MaxValue - header.DataOffset - 1);
        dataSize -= dataSize % header.Format.BlockAlign;
        long length = header.DataOffset + dataSize + (dataSize & 1);
        if (declared == dataSize && stream.Length == length && RiffSizeMatches(stream))
        {
            return WavRepairResult.AlreadyValid;
        }

        stream.SetLength(length);
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)dataSize);
        stream.Position = header.DataOffset - 4;
        stream.Write(field);
        PatchRiffSize(stream);
        return WavRepairResult.Repaired;
    }

    private static bool HasChunkAfterData(Stream stream, long offset)
    {
        Span<byte> chunk = stackalloc byte[8];
        if (offset + 8 > stream.Length)
        {
            return false;
        }

        stream.Position = offset;
        stream.ReadExactly(chunk);
        foreach (byte b in chunk[..4])
        {
            if (b < 0x20 || b > 0x7E)
            {
                return false;
            }
        }

        return offset + 8 + BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]) <= stream.Length;
    }

    private static bool RiffSizeMatches(Stream stream)
    {
        Span<byte> field = stackalloc byte[4];
        stream.Position = 4;
        stream.ReadExactly(field);
        return BinaryPrimitives.ReadUInt32LittleEndian(field) == stream.Length - 8;
    }

    private static WavRepairResult PatchRiffSize(Stream stream)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(field, (uint)Math.Min(stream.Length - 8, uint.MaxValue));
        stream.Position = 4;
        stream.Write(field);
        return WavRepairResult.Repaired;
    }
}
