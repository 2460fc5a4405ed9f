namespace Softswitch.Ivr.Calendars;

/// <summary>Weekly opening hours and holidays in one time zone, as an <c>hours</c> node consults them.</summary>
public sealed class BusinessCalendar(
    string name,
    TimeZoneInfo timeZone,
    IReadOnlyDictionary<DayOfWeek, IReadOnlyList<OpeningPeriod>> week,
    IReadOnlySet<DateOnly> holidays)
{
    public string Name => name;

    public TimeZoneInfo TimeZone => timeZone;

    public IReadOnlySet<DateOnly> Holidays => holidays;

    public IReadOnlyList<OpeningPeriod> PeriodsOn(DayOfWeek day) => week.TryGetValue(day, out var periods) ? periods : [];

    /// <summary>Open, closed or a holiday at <paramref name="instant"/>, judged on the calendar's local clock.</summary>
    public CalendarState StateAt(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        var today = DateOnly.FromDateTime(local.DateTime);
        if (holidays.Contains(today)) return CalendarState.Holiday;
        var minute = local.Hour * 60 + local.Minute;
        foreach (var period in PeriodsOn(local.DayOfWeek))
        {
            var open = period.CrossesMidnight ? minute >= period.Opens : minute >= period.Opens && minute < period.Closes;
            if (open) return CalendarState.Open;
        }

        // Yesterday's late shift (22:00-02:00) is still open after midnight, unless yesterday was a holiday.
        var yesterday = today.AddDays(-1);
        if (!holidays.Contains(yesterday))
        {
            foreach (var period in PeriodsOn(yesterday.DayOfWeek))
            {
                if (period.CrossesMidnight && minute < period.Closes) return CalendarState.Open;
            }
        }

        return CalendarState.Closed;
    }

    /// <summary>The local time at <paramref name="instant"/>, for the simulator's and the log's lines.</summary>
    public string Describe(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return $"{local:ddd yyyy-MM-dd HH:mm} {timeZone.Id}";
    }
}
