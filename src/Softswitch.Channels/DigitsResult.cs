namespace Softswitch.Channels;

/// <summary>What the caller typed and why the entry ended.</summary>
/// <param name="Digits">The keys in order, without the terminator (may be empty).</param>
/// <param name="Outcome">Why the entry ended.</param>
/// <param name="Terminator">The terminator key pressed, when <paramref name="Outcome"/> is <see cref="DigitsOutcome.Terminated"/>.</param>
public readonly record struct DigitsResult(string Digits, DigitsOutcome Outcome, char? Terminator = null);
