namespace Softswitch.Ivr.Calendars;

/// <summary>
/// Open from <paramref name="Opens"/> to <paramref name="Closes"/> (local time, minutes since midnight; 1440 is 24:00).
/// A period that closes at or before it opens runs past midnight into the next day.
/// </summary>
public readonly record struct OpeningPeriod(int Opens, int Closes)
{
    public bool CrossesMidnight => Closes <= Opens;

    public override string ToString() => $"{Opens / 60:00}:{Opens % 60:00}-{Closes / 60:00}:{Closes % 60:00}";
}
