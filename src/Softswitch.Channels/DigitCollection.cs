namespace Softswitch.Channels;

/// <summary>What <see cref="ICallChannel.CollectDigitsAsync"/> waits for.</summary>
public sealed record DigitCollection
{
    /// <summary>Stop as soon as this many keys are in (a one-key menu uses 1).</summary>
    public int MaxDigits { get; init; } = 1;

    /// <summary>Keys that end the entry without being part of it (usually <c>#</c>); empty for none.</summary>
    public string Terminators { get; init; } = "";

    /// <summary>How long to wait for the first key (counted from the call, after any type-ahead is used).</summary>
    public TimeSpan FirstDigitTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for each next key.</summary>
    public TimeSpan InterDigitTimeout { get; init; } = TimeSpan.FromSeconds(3);
}
