namespace Softswitch.Channels;

/// <summary>How a <see cref="ICallChannel.PlayAsync"/> ended.</summary>
/// <param name="Outcome">Finished, interrupted by a key, or the caller hung up.</param>
/// <param name="Digit">The key that barged in, when <paramref name="Outcome"/> is <see cref="PlayOutcome.Interrupted"/> (it is also in the type-ahead buffer).</param>
public readonly record struct PlayResult(PlayOutcome Outcome, char? Digit = null);
