namespace Softswitch.Ivr.Speech;

/// <summary>How a <c>say</c> node reads its value aloud.</summary>
public enum SayKind
{
    /// <summary>A whole number in words: 123 is "one hundred and twenty-three" / "seratus dua puluh tiga".</summary>
    Number,

    /// <summary>Each digit on its own: 123 is "one two three".</summary>
    Digits,

    /// <summary>An amount with two decimals in the language's currency: 12.50 is "twelve ringgit fifty sen".</summary>
    Money,

    /// <summary>An ISO date (2026-11-23): day, month name, year.</summary>
    Date,

    /// <summary>A time of day (14:05).</summary>
    Time,
}
