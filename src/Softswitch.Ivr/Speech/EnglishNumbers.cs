namespace Softswitch.Ivr.Speech;

/// <summary>
/// British English, as Malaysians say it: "one hundred and twenty-three", "one thousand and five",
/// "two million and five"; money in ringgit and sen (the demo business is in Malaysia); dates as
/// "twenty-third November twenty twenty-six"; times on the 12-hour clock with a.m./p.m.
/// </summary>
internal sealed class EnglishNumbers : NumberGrammar
{
    private const string And = "numbers/and";

    protected override void SayPositive(long value, List<string> prompts)
    {
        bool higherGroupSaid = false;
        for (int scale = 0; scale < Scales.Length; scale++)
        {
            long group = value / Scales[scale] % 1000;
            if (group != 0)
            {
                SayGroup((int)group, prompts);
                prompts.Add(ScaleNames[scale]);
                higherGroupSaid = true;
            }
        }

        int units = (int)(value % 1000);
        if (units == 0)
        {
            return;
        }

        // British usage: "and" before a last group below a hundred ("one thousand and five", "a million and twenty").
        if (higherGroupSaid && units < 100)
        {
            prompts.Add(And);
        }

        SayGroup(units, prompts);
    }

    /// <summary>1–999: "three hundred and forty-five".</summary>
    private static void SayGroup(int value, List<string> prompts)
    {
        int hundreds = value / 100;
        int rest = value % 100;
        if (hundreds > 0)
        {
            prompts.Add(NumberPrompt(hundreds));
            prompts.Add("numbers/hundred");
            if (rest > 0)
            {
                prompts.Add(And);
            }
        }

        if (rest > 0)
        {
            SayBelowHundred(rest, prompts);
        }
    }

    /// <summary>"twelve ringgit and fifty sen", "one ringgit", "five sen", "zero ringgit".</summary>
    public override void SayMoney(decimal amount, List<string> prompts) => SayRinggitAndSen(amount, And, prompts);

    /// <summary>"twenty-third" "November" "twenty twenty-six": the day as an ordinal, the year as people say it.</summary>
    public override void SayDate(DateOnly date, List<string> prompts)
    {
        prompts.Add($"ordinals/{date.Day}");
        prompts.Add($"months/{date.Month}");
        SayYear(date.Year, prompts);
    }

    /// <summary>
    /// 2000–2009 and years that are not four digits as numbers ("two thousand and five"); otherwise in two halves:
    /// "nineteen ninety-nine", "twenty twenty-six", "nineteen hundred", "nineteen hundred and five".
    /// </summary>
    private void SayYear(int year, List<string> prompts)
    {
        int century = year / 100;
        int rest = year % 100;
        if (year < 1000 || (century % 10 == 0 && rest < 10))
        {
            SayNumber(year, prompts);
            return;
        }

        SayBelowHundred(century, prompts);
        if (rest == 0 || rest < 10)
        {
            prompts.Add("numbers/hundred");
            if (rest > 0)
            {
                prompts.Add(And);
                prompts.Add(NumberPrompt(rest));
            }

            return;
        }

        SayBelowHundred(rest, prompts);
    }

    /// <summary>"two p.m.", "two oh five p.m.", "twelve thirty a.m." (00:30), "twelve p.m." (noon).</summary>
    public override void SayTime(TimeOnly time, List<string> prompts)
    {
        int hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        SayBelowHundred(hour12, prompts);
        if (time.Minute is > 0 and < 10)
        {
            prompts.Add("time/oh");
            prompts.Add(NumberPrompt(time.Minute));
        }
        else if (time.Minute >= 10)
        {
            SayBelowHundred(time.Minute, prompts);
        }

        prompts.Add(time.Hour < 12 ? "time/am" : "time/pm");
    }

    protected override IEnumerable<string> ExtraPromptNames()
    {
        yield return And;
        yield return "money/ringgit";
        yield return "money/sen";
        yield return "time/oh";
        yield return "time/am";
        yield return "time/pm";
        for (int day = 1; day <= 31; day++)
        {
            yield return $"ordinals/{day}";
        }
    }
}
