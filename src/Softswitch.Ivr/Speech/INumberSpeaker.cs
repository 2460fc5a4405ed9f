namespace Softswitch.Ivr.Speech;

/// <summary>
/// Turns a value into the recorded prompts that say it in a language (English, Malay, Indonesian), as prompt names
/// under <c>sounds/&lt;language&gt;/</c> (for example <c>numbers/100</c>, <c>numbers/and</c>).
/// </summary>
public interface INumberSpeaker
{
    /// <summary>True when <paramref name="language"/> has a grammar here.</summary>
    bool Speaks(string language);

    /// <summary>The prompts, in order; false with a reason when <paramref name="value"/> cannot be read as <paramref name="kind"/>.</summary>
    bool TrySay(SayKind kind, string value, string language, out IReadOnlyList<string> prompts, out string? error);

    /// <summary>Every prompt name a <c>say</c> of any kind can use in <paramref name="language"/> (the validator checks they exist).</summary>
    IReadOnlyCollection<string> PromptNames(string language);
}
