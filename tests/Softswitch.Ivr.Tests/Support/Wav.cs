using System.Buffers.Binary;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>Writes minimal valid WAV files (mono 16-bit PCM, 8 kHz) for prompt folders in tests.</summary>
public static class Wav
{
    public static void WriteSilence(string path, int samples)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var data = samples * 2;
        var bytes = new byte[44 + data];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), 8000);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), 16000);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(34), 16);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), data);
        File.WriteAllBytes(path, bytes);
    }
}
