namespace Softswitch.Ivr.Speech;

/// <summary>
/// What Malay and Indonesian share: "se-" for one ten, hundred and thousand ("sepuluh", "seratus", "seribu",
/// each its own prompt), "belas" for the teens ("sebelas", "dua belas"), "puluh", "ratus", "ribu" after the
/// multiplier, no word for "and" ("seratus dua puluh tiga", "seribu lima"); the day of a date as a cardinal
/// number and the year as a whole number ("dua puluh tiga November dua ribu dua puluh enam").
/// </summary>
internal abstract class MalayicNumbers : NumberGrammar
{
    protected const string Seratus = "numbers/100";
    protected const string Seribu = "numbers/1000";

    /// <summary>The prompt for exactly one of a scale when the language contracts it ("seribu"; Malay "sejuta"), else null.</summary>
    protected virtual string? ContractedOne(int scale) => ScaleNames[scale] == "numbers/thousand" ? Seribu : null;

    protected override void SayPositive(long value, List<string> prompts)
    {
        for (int scale = 0; scale < Scales.Length; scale++)
        {
            long group = value / Scales[scale] % 1000;
            if (group == 0)
            {
                continue;
            }

            // Only a group of exactly one contracts: 101,000 is "seratus satu ribu", never "seratus seribu".
            if (group == 1 && ContractedOne(scale) is { } contracted)
            {
                prompts.Add(contracted);
                continue;
            }

            SayGroup((int)group, prompts);
            prompts.Add(ScaleNames[scale]);
        }

        int units = (int)(value % 1000);
        if (units != 0)
        {
            SayGroup(units, prompts);
        }
    }

    /// <summary>1–999: "seratus", "dua ratus tiga puluh empat".</summary>
    private static void SayGroup(int value, List<string> prompts)
    {
        int hundreds = value / 100;
        if (hundreds == 1)
        {
            prompts.Add(Seratus);
        }
        else if (hundreds > 1)
        {
            prompts.Add(NumberPrompt(hundreds));
            prompts.Add("numbers/hundred");
        }

        if (value % 100 > 0)
        {
            SayBelowHundred(value % 100, prompts);
        }
    }

    public override void SayDate(DateOnly date, List<string> prompts)
    {
        SayBelowHundred(date.Day, prompts);
        prompts.Add($"months/{date.Month}");
        SayNumber(date.Year, prompts);
    }

    protected override IEnumerable<string> ExtraPromptNames()
    {
        yield return Seratus;
        yield return Seribu;
        yield return "time/pukul";
    }
}
