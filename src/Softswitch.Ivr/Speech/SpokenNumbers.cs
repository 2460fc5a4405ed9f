using System.Globalization;

namespace Softswitch.Ivr.Speech;

/// <summary>
/// Says numbers, digits, money, dates and times from recorded prompts in English (<c>en</c>), Malay (<c>ms</c>)
/// and Indonesian (<c>id</c>). Prompt names are the files under <c>sounds/&lt;language&gt;/</c> that
/// <c>sounds/generate-prompts.sh</c> makes from <c>sounds/prompts/&lt;language&gt;.tsv</c>.
/// Accepted values: Number, a whole number up to 999 trillion either way ("-42", "007");
/// Digits, 0–9, <c>*</c> and <c>#</c> (spaces, hyphens and a <c>+</c> are skipped, so "+60 12-345" works);
/// Money, a decimal with a point ("12.5" is 12.50; more decimals are rounded half away from zero);
/// Date, <c>yyyy-MM-dd</c> or an ISO date-time (its date as written); Time, <c>HH:mm</c>, <c>HH:mm:ss</c>
/// or an ISO date-time (its time of day as written).
/// </summary>
public sealed class SpokenNumbers : INumberSpeaker
{
    private static readonly Dictionary<string, NumberGrammar> s_grammars = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = new EnglishNumbers(),
        ["ms"] = new MalayNumbers(),
        ["id"] = new IndonesianNumbers(),
    };

    private static readonly string[] s_timeFormats = ["HH:mm", "H:mm", "HH:mm:ss", "H:mm:ss"];

    /// <summary>The languages with a grammar: en, ms, id.</summary>
    public static IReadOnlyCollection<string> Languages { get; } = ["en", "ms", "id"];

    public bool Speaks(string language) => s_grammars.ContainsKey(language);

    public IReadOnlyCollection<string> PromptNames(string language) =>
        s_grammars.TryGetValue(language, out NumberGrammar? grammar) ? grammar.PromptNames : [];

    public bool TrySay(SayKind kind, string value, string language, out IReadOnlyList<string> prompts, out string? error)
    {
        prompts = [];
        if (!s_grammars.TryGetValue(language, out NumberGrammar? grammar))
        {
            error = $"no number grammar for language '{language}' (there are: {string.Join(", ", Languages)})";
            return false;
        }

        var said = new List<string>();
        string text = (value ?? "").Trim();
        error = kind switch
        {
            SayKind.Number => SayNumber(grammar, text, said),
            SayKind.Digits => SayDigits(text, said),
            SayKind.Money => SayMoney(grammar, text, said),
            SayKind.Date => SayDate(grammar, text, said),
            SayKind.Time => SayTime(grammar, text, said),
            _ => $"unknown kind {kind}",
        };
        if (error is not null)
        {
            return false;
        }

        prompts = said;
        return true;
    }

    private static string? SayNumber(NumberGrammar grammar, string text, List<string> said)
    {
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long number))
        {
            return $"'{text}' is not a whole number";
        }

        if (number is > NumberGrammar.MaxNumber or < -NumberGrammar.MaxNumber)
        {
            return $"{text} is too large to say (at most {NumberGrammar.MaxNumber:N0} either way)";
        }

        grammar.SayNumber(number, said);
        return null;
    }

    private static string? SayDigits(string text, List<string> said)
    {
        foreach (char c in text)
        {
            switch (c)
            {
                case >= '0' and <= '9':
                    said.Add(NumberGrammar.DigitPrompt(c - '0'));
                    break;
                case '*':
                    said.Add(NumberGrammar.StarPrompt);
                    break;
                case '#':
                    said.Add(NumberGrammar.HashPrompt);
                    break;
                case ' ' or '-' or '+':
                    break;
                default:
                    return $"'{text}' has '{c}', which is not a key (0-9, *, #)";
            }
        }

        return said.Count == 0 ? "there are no digits to say" : null;
    }

    private static string? SayMoney(NumberGrammar grammar, string text, List<string> said)
    {
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;
        if (!decimal.TryParse(text, style, CultureInfo.InvariantCulture, out decimal amount))
        {
            return $"'{text}' is not an amount (digits with an optional decimal point, e.g. 12.50)";
        }

        amount = decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
        if (decimal.Abs(amount) >= NumberGrammar.MaxNumber)
        {
            return $"{text} is too large to say";
        }

        grammar.SayMoney(amount, said);
        return null;
    }

    private static string? SayDate(NumberGrammar grammar, string text, List<string> said)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date))
        {
            grammar.SayDate(date, said);
            return null;
        }

        if (TryParseDateTime(text, out DateTimeOffset moment))
        {
            grammar.SayDate(DateOnly.FromDateTime(moment.DateTime), said);
            return null;
        }

        return $"'{text}' is not a date (yyyy-MM-dd)";
    }

    private static string? SayTime(NumberGrammar grammar, string text, List<string> said)
    {
        if (TimeOnly.TryParseExact(text, s_timeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out TimeOnly time))
        {
            grammar.SayTime(time, said);
            return null;
        }

        if (TryParseDateTime(text, out DateTimeOffset moment))
        {
            grammar.SayTime(TimeOnly.FromDateTime(moment.DateTime), said);
            return null;
        }

        return $"'{text}' is not a time of day (HH:mm)";
    }

    /// <summary>An ISO 8601 date and time ("2026-11-23T14:05:00+08:00"), read as written: no time zone conversion.</summary>
    private static bool TryParseDateTime(string text, out DateTimeOffset moment)
    {
        moment = default;
        return text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out moment);
    }
}
