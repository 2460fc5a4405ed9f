using System.Buffers;
using Softswitch.Media.Audio;
using Softswitch.Media.Codecs;
using Softswitch.Media.Sdp;

namespace Softswitch.Media.Playback;

/// <summary>Turns PCM (a WAV file or a rendered tone) into <see cref="EncodedAudio"/> for one codec. Stateless.</summary>
internal static class PromptEncoder
{
    /// <summary>Reads any WAV <see cref="WavReader"/> understands as mono PCM at the file's own rate.</summary>
    /// <exception cref="PromptLoadException">The file is missing or not a WAV we can read.</exception>
    public static short[] ReadMono(string path, out int sampleRate)
    {
        WavAudio audio;
        try
        {
            audio = WavReader.ReadAll(path);
        }
        catch (Exception error) when (error is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new PromptLoadException(path, "file not found", error);
        }
        catch (Exception error) when (error is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new PromptLoadException(path, error.Message, error);
        }

        sampleRate = audio.Format.SampleRate;
        return Downmix(audio.Samples, audio.Format.Channels);
    }

    /// <summary>One cadence cycle of <paramref name="pattern"/> (or one second of a continuous tone), whole frames.</summary>
    public static short[] RenderTone(TonePattern pattern, int sampleRate)
    {
        int milliseconds = pattern.CadenceMilliseconds.Count == 0 ? 1000 : pattern.CadenceMilliseconds.Sum();
        int frameSamples = sampleRate / 50;
        int frames = (milliseconds + 19) / 20;
        var samples = new short[frames * frameSamples];
        new ToneGenerator(pattern, sampleRate).Fill(samples);
        return samples;
    }

    /// <summary>Resamples <paramref name="mono"/> to the codec's rate and encodes it in 20 ms frames, the last padded with silence.</summary>
    /// <exception cref="PromptLoadException">No codec for <paramref name="format"/>, or the encoder rejected the audio.</exception>
    public static EncodedAudio Encode(short[] mono, int sampleRate, MediaFormat format, string source)
    {
        IAudioCodec codec = AudioCodecs.Create(format)
            ?? throw new PromptLoadException(source, $"no codec for {format.EncodingName}/{format.ClockRate}");
        try
        {
            short[] pcm = Resample(mono, sampleRate, codec.SampleRate);
            return EncodeFrames(codec, pcm, source);
        }
        finally
        {
            // A fresh Opus encoder per prompt (its state must not leak between prompts); a no-op for G.711.
            codec.Dispose();
        }
    }

    private static short[] Downmix(short[] interleaved, int channels)
    {
        if (channels == 1)
        {
            return interleaved;
        }

        var mono = new short[interleaved.Length / channels];
        for (int frame = 0; frame < mono.Length; frame++)
        {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++)
            {
                sum += interleaved[frame * channels + channel];
            }

            mono[frame] = (short)(sum / channels);
        }

        return mono;
    }

    private static short[] Resample(short[] input, int inputRate, int outputRate)
    {
        if (inputRate == outputRate)
        {
            return input;
        }

        // The filter delays the signal by half its length: feed that much silence after the prompt so its tail
        // comes out, and drop the same delay from the front so the prompt starts at once.
        var resampler = new Resampler(inputRate, outputRate);
        int inputDelay = (int)Math.Round(resampler.DelayMilliseconds * inputRate / 1000);
        int outputDelay = (int)Math.Round(resampler.DelayMilliseconds * outputRate / 1000);
        var padded = new short[input.Length + inputDelay];
        input.CopyTo(padded, 0);
        var output = new short[resampler.GetOutputLength(padded.Length)];
        int produced = resampler.Process(padded, output);
        int wanted = (int)((long)input.Length * outputRate / inputRate);
        int start = Math.Min(outputDelay, produced);
        return output.AsSpan(start, Math.Min(wanted, produced - start)).ToArray();
    }

    private static EncodedAudio EncodeFrames(IAudioCodec codec, short[] mono, string source)
    {
        int frameSamples = codec.FrameSamples;
        int channels = codec.Channels;
        int frameCount = (mono.Length + frameSamples - 1) / frameSamples;
        var frame = new short[frameSamples * channels];
        var offsets = new int[frameCount + 1];
        var payloads = new ArrayBufferWriter<byte>(Math.Max(1, frameCount * Math.Min(codec.MaxPayloadBytes, 200)));
        for (int index = 0; index < frameCount; index++)
        {
            Array.Clear(frame);
            int start = index * frameSamples;
            int count = Math.Min(frameSamples, mono.Length - start);
            for (int i = 0; i < count; i++)
            {
                for (int channel = 0; channel < channels; channel++)
                {
                    frame[i * channels + channel] = mono[start + i];
                }
            }

            int written = codec.Encode(frame, payloads.GetSpan(codec.MaxPayloadBytes));
            if (written < 0)
            {
                throw new PromptLoadException(source, $"{codec.Name} encoder rejected frame {index} ({written})");
            }

            payloads.Advance(written);
            offsets[index + 1] = payloads.WrittenCount;
        }

        return new EncodedAudio(codec.Name, codec.ClockRate, payloads.WrittenSpan.ToArray(), offsets, source);
    }
}
