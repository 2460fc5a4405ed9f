namespace Softswitch.Media.Audio;

/// <summary>
/// Common call progress tones (ITU-T E.180 / ETSI ES 201 970 for Europe, ANSI T1.401 "precise tones" for North America).
/// </summary>
public static class CallProgressTones
{
    /// <summary>Default level of each component.</summary>
    public const double DefaultLevelDbm0 = -13;

    /// <summary>Ringback (Europe): 425 Hz, 1 s on, 4 s off.</summary>
    public static TonePattern RingbackEurope { get; } = new(425, 0, DefaultLevelDbm0, 1000, 4000);

    /// <summary>Ringback (North America): 440 + 480 Hz, 2 s on, 4 s off.</summary>
    public static TonePattern RingbackUs { get; } = new(440, 480, -19, 2000, 4000);

    /// <summary>Busy (Europe): 425 Hz, 0.5 s on, 0.5 s off.</summary>
    public static TonePattern BusyEurope { get; } = new(425, 0, DefaultLevelDbm0, 500, 500);

    /// <summary>Busy (North America): 480 + 620 Hz, 0.5 s on, 0.5 s off.</summary>
    public static TonePattern BusyUs { get; } = new(480, 620, -24, 500, 500);

    /// <summary>Congestion (Europe): 425 Hz, 0.25 s on, 0.25 s off.</summary>
    public static TonePattern CongestionEurope { get; } = new(425, 0, DefaultLevelDbm0, 250, 250);

    /// <summary>Dial tone (Europe): continuous 425 Hz.</summary>
    public static TonePattern DialToneEurope { get; } = new(425, 0, DefaultLevelDbm0);

    /// <summary>Dial tone (North America): continuous 350 + 440 Hz.</summary>
    public static TonePattern DialToneUs { get; } = new(350, 440, -13);
}
