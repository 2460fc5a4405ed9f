using System.Buffers.Binary;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

public sealed class PcmWavTests
{
    [Test]
    public void A_written_file_reads_back_the_same()
    {
        short[] samples = [0, 1, -1, short.MaxValue, short.MinValue, 1234];

        byte[] file = PcmWav.Write(samples, 8000);

        Assert.That(file, Has.Length.EqualTo(44 + 12));
        Assert.That(PcmWav.TryRead(file, out short[] read, out int rate, out string? error), Is.True, error);
        Assert.That(rate, Is.EqualTo(8000));
        Assert.That(read, Is.EqualTo(samples));
    }

    [Test]
    public void Chunks_before_the_data_are_walked_over_and_an_oversized_data_length_is_cut_at_the_end_of_the_file()
    {
        byte[] plain = PcmWav.Write([5, 6, 7], 16000);
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0];
        byte[] file = [.. plain[..36], .. list, .. plain[36..]];
        BinaryPrimitives.WriteUInt32LittleEndian(file.AsSpan(36 + list.Length + 4), 0x7FFFFFFF);

        Assert.That(PcmWav.TryRead(file, out short[] read, out int rate, out string? error), Is.True, error);
        Assert.That(rate, Is.EqualTo(16000));
        Assert.That(read, Is.EqualTo(new short[] { 5, 6, 7 }));
    }

    [Test]
    public void Stereo_or_other_encodings_and_non_wav_bytes_are_refused()
    {
        byte[] stereo = PcmWav.Write([1, 2], 8000);
        stereo[22] = 2;
        byte[] alaw = PcmWav.Write([1, 2], 8000);
        alaw[20] = 6;

        Assert.That(PcmWav.TryRead(stereo, out _, out _, out string? stereoError), Is.False);
        Assert.That(stereoError, Does.Contain("2 channels"));
        Assert.That(PcmWav.TryRead(alaw, out _, out _, out _), Is.False);
        Assert.That(PcmWav.TryRead("RIFF\0\0\0\0WAVE"u8, out _, out _, out string? noData), Is.False);
        Assert.That(noData, Is.EqualTo("no data chunk"));
        Assert.That(PcmWav.TryRead("hello"u8, out _, out _, out _), Is.False);
    }
}
