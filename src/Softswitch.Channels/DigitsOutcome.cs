namespace Softswitch.Channels;

public enum DigitsOutcome
{
    /// <summary><see cref="DigitCollection.MaxDigits"/> keys arrived.</summary>
    Complete,

    /// <summary>A terminator key ended the entry.</summary>
    Terminated,

    /// <summary>No key (or no next key) within its timeout; <see cref="DigitsResult.Digits"/> holds what came before.</summary>
    TimedOut,

    /// <summary>The caller hung up, or the caller's token was cancelled.</summary>
    HungUp,
}
