namespace Softswitch.Media.Audio;

/// <summary>Outcome of opening a WAV file; anything but <see cref="Ok"/> means the file cannot be played.</summary>
public enum WavReadStatus
{
    /// <summary>Header understood; samples can be read.</summary>
    Ok,

    /// <summary>The file does not start with a RIFF/WAVE header.</summary>
    NotRiffWave,

    /// <summary>No usable <c>fmt </c> chunk before the data chunk.</summary>
    MissingFormat,

    /// <summary>The file ended before a <c>data</c> chunk.</summary>
    MissingData,

    /// <summary>The format is valid WAV but not one we decode (float, 24-bit, ADPCM...).</summary>
    UnsupportedFormat,

    /// <summary>A chunk header or the format fields are inconsistent.</summary>
    Malformed,
}
