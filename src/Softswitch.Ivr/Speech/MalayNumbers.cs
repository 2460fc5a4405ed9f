namespace Softswitch.Ivr.Speech;

/// <summary>
/// Bahasa Melayu (Malaysia): "lapan", "sejuta" for one million, "bilion" and "trilion" after "satu";
/// money in ringgit and sen ("dua belas ringgit lima puluh sen"); times on the 12-hour clock with the periods
/// Dewan Bahasa dan Pustaka sets: 12:00–12:59 a.m. "tengah malam", 1:00–11:59 "pagi", 12:00–13:59 "tengah hari",
/// 14:00–18:59 "petang", 19:00–23:59 "malam" ("pukul dua lima minit petang").
/// </summary>
internal sealed class MalayNumbers : MalayicNumbers
{
    private const string Sejuta = "numbers/1000000";

    protected override string? ContractedOne(int scale) =>
        ScaleNames[scale] == "numbers/million" ? Sejuta : base.ContractedOne(scale);

    /// <summary>"dua belas ringgit lima puluh sen", "satu ringgit", "lima sen".</summary>
    public override void SayMoney(decimal amount, List<string> prompts) => SayRinggitAndSen(amount, joiner: null, prompts);

    public override void SayTime(TimeOnly time, List<string> prompts)
    {
        prompts.Add("time/pukul");
        int hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        SayBelowHundred(hour12, prompts);
        if (time.Minute > 0)
        {
            SayBelowHundred(time.Minute, prompts);
            prompts.Add("time/minit");
        }

        prompts.Add(time.Hour switch
        {
            0 => "time/tengah-malam",
            < 12 => "time/pagi",
            < 14 => "time/tengah-hari",
            < 19 => "time/petang",
            _ => "time/malam",
        });
    }

    protected override IEnumerable<string> ExtraPromptNames() =>
    [
        .. base.ExtraPromptNames(), Sejuta, "money/ringgit", "money/sen", "time/minit",
        "time/tengah-malam", "time/pagi", "time/tengah-hari", "time/petang", "time/malam",
    ];
}
