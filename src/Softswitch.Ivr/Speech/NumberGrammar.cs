namespace Softswitch.Ivr.Speech;

/// <summary>
/// One language's way of saying numbers, amounts, dates and times as prompt names. The parsing of the value is
/// done once by <see cref="SpokenNumbers"/>; a grammar only turns well-formed values into prompts.
/// </summary>
internal abstract class NumberGrammar
{
    /// <summary>The largest whole number a grammar says (999 trillion, short scale).</summary>
    public const long MaxNumber = 999_999_999_999_999;

    /// <summary>Groups of three digits from the top: trillions, billions, millions, thousands (the units group is apart).</summary>
    protected static readonly long[] Scales = [1_000_000_000_000, 1_000_000_000, 1_000_000, 1_000];

    /// <summary>Prompt names of the scales above, in the same order.</summary>
    protected static readonly string[] ScaleNames = ["numbers/trillion", "numbers/billion", "numbers/million", "numbers/thousand"];

    private IReadOnlyCollection<string>? _promptNames;

    /// <summary>Says <paramref name="value"/> (|value| ≤ <see cref="MaxNumber"/>) as a cardinal number.</summary>
    public void SayNumber(long value, List<string> prompts)
    {
        if (value < 0)
        {
            prompts.Add("numbers/minus");
            value = -value;
        }

        if (value == 0)
        {
            prompts.Add("numbers/0");
            return;
        }

        SayPositive(value, prompts);
    }

    /// <summary>Says a positive number (at most <see cref="MaxNumber"/>).</summary>
    protected abstract void SayPositive(long value, List<string> prompts);

    /// <summary>Says an amount already rounded to two decimals in the language's currency.</summary>
    public abstract void SayMoney(decimal amount, List<string> prompts);

    public abstract void SayDate(DateOnly date, List<string> prompts);

    public abstract void SayTime(TimeOnly time, List<string> prompts);

    /// <summary>Every prompt this grammar can produce.</summary>
    public IReadOnlyCollection<string> PromptNames => _promptNames ??= BuildPromptNames();

    private IReadOnlyCollection<string> BuildPromptNames()
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        for (int digit = 0; digit <= 9; digit++)
        {
            names.Add(DigitPrompt(digit));
        }

        names.Add(StarPrompt);
        names.Add(HashPrompt);
        for (int number = 0; number <= 19; number++)
        {
            names.Add(NumberPrompt(number));
        }

        for (int tens = 20; tens <= 90; tens += 10)
        {
            names.Add(NumberPrompt(tens));
        }

        names.Add("numbers/minus");
        names.Add("numbers/hundred");
        names.UnionWith(ScaleNames);
        for (int month = 1; month <= 12; month++)
        {
            names.Add($"months/{month}");
        }

        names.UnionWith(ExtraPromptNames());
        return names.ToArray();
    }

    /// <summary>The prompts particular to the language (its currency, "and", ordinals, times of day, prefixed forms).</summary>
    protected abstract IEnumerable<string> ExtraPromptNames();

    /// <summary>Each digit on its own (the existing <c>digits/N</c> prompts, <c>star</c> and <c>hash</c>).</summary>
    public static string DigitPrompt(int digit) => $"digits/{digit}";

    public const string StarPrompt = "star";

    public const string HashPrompt = "hash";

    /// <summary>A number that has a prompt of its own: 0–19 and the tens 20–90.</summary>
    protected static string NumberPrompt(long number) => $"numbers/{number}";

    /// <summary>
    /// Ringgit and sen, as English and Malay say them: "12 ringgit [and] 50 sen", "1 ringgit", "5 sen", "0 ringgit";
    /// <paramref name="joiner"/> (English "and") goes between the two when both are said.
    /// </summary>
    protected void SayRinggitAndSen(decimal amount, string? joiner, List<string> prompts)
    {
        if (amount < 0)
        {
            prompts.Add("numbers/minus");
            amount = -amount;
        }

        long ringgit = (long)decimal.Truncate(amount);
        int sen = (int)((amount - ringgit) * 100);
        if (ringgit > 0 || sen == 0)
        {
            SayNumber(ringgit, prompts);
            prompts.Add("money/ringgit");
        }

        if (sen > 0)
        {
            if (ringgit > 0 && joiner is not null)
            {
                prompts.Add(joiner);
            }

            SayNumber(sen, prompts);
            prompts.Add("money/sen");
        }
    }

    /// <summary>1–99: one word below twenty, else the tens then the unit ("twenty" "one", "dua puluh" "satu").</summary>
    protected static void SayBelowHundred(int value, List<string> prompts)
    {
        if (value < 20)
        {
            prompts.Add(NumberPrompt(value));
            return;
        }

        prompts.Add(NumberPrompt(value / 10 * 10));
        if (value % 10 != 0)
        {
            prompts.Add(NumberPrompt(value % 10));
        }
    }
}
