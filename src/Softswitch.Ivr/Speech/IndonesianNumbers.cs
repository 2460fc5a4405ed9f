namespace Softswitch.Ivr.Speech;

/// <summary>
/// Bahasa Indonesia: "nol", "delapan", "satu juta" and "satu miliar" (only thousand contracts, to "seribu");
/// money in whole rupiah, rounded, since sen are not used in practice ("dua belas ribu rupiah"); times on the
/// 24-hour clock as Indonesian announcements read them ("pukul empat belas lewat lima menit").
/// </summary>
internal sealed class IndonesianNumbers : MalayicNumbers
{
    public override void SayMoney(decimal amount, List<string> prompts)
    {
        SayNumber((long)decimal.Round(amount, 0, MidpointRounding.AwayFromZero), prompts);
        prompts.Add("money/rupiah");
    }

    public override void SayTime(TimeOnly time, List<string> prompts)
    {
        prompts.Add("time/pukul");
        SayNumber(time.Hour, prompts);
        if (time.Minute > 0)
        {
            prompts.Add("time/lewat");
            SayBelowHundred(time.Minute, prompts);
            prompts.Add("time/menit");
        }
    }

    protected override IEnumerable<string> ExtraPromptNames() =>
        [.. base.ExtraPromptNames(), "money/rupiah", "time/lewat", "time/menit"];
}
