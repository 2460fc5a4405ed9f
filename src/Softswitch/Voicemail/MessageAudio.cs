using Softswitch.Media.Audio;

namespace Softswitch.Voicemail;

/// <summary>Whether a recorded message holds anything worth keeping: long enough, and somebody spoke in it.</summary>
internal static class MessageAudio
{
    /// <summary>Shorter messages are a caller who hung up at the beep.</summary>
    public static readonly TimeSpan MinimumLength = TimeSpan.FromSeconds(1);

    /// <summary>Mean absolute sample value of a 20 ms frame that counts as voice (about -40 dBFS, above line noise).</summary>
    private const int VoiceLevel = 300;

    /// <summary>This much voice (in 20 ms frames) makes a message: a click or a single burst of noise does not.</summary>
    private const int VoicedFramesNeeded = 10;

    /// <summary>The message's length, and whether it is one to keep; a file that is no readable WAV is not.</summary>
    public static (TimeSpan Length, bool Keep) Inspect(string path)
    {
        WavAudio audio;
        try
        {
            audio = WavReader.ReadAll(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            return (TimeSpan.Zero, false);
        }

        var channels = Math.Max(1, audio.Format.Channels);
        var length = TimeSpan.FromSeconds((double)audio.Samples.Length / channels / audio.Format.SampleRate);
        if (length < MinimumLength) return (length, false);
        var frame = audio.Format.SampleRate / 50 * channels;
        var voiced = 0;
        for (var start = 0; start + frame <= audio.Samples.Length && voiced < VoicedFramesNeeded; start += frame)
        {
            long level = 0;
            foreach (var sample in audio.Samples.AsSpan(start, frame)) level += Math.Abs((int)sample);
            if (level / frame >= VoiceLevel) voiced++;
        }

        return (length, voiced >= VoicedFramesNeeded);
    }
}
