using Softswitch.Ivr.Calendars;
using Softswitch.Ivr.Loading;

namespace Softswitch.Ivr.Tests;

public sealed class BusinessCalendarTests
{
    private static BusinessCalendar Parse(string yaml, string name = "office")
    {
        var reader = new YamlFileReader("calendars.yaml");
        var calendars = CalendarFile.Parse(new StringReader(yaml), reader);
        Assert.That(reader.Problems, Is.Empty);
        return calendars[name];
    }

    private static readonly BusinessCalendar KualaLumpur = Parse("""
        calendars:
          office:
            time_zone: Asia/Kuala_Lumpur
            hours:
              mon-fri: 09:00-18:00
              sat: 09:00-12:00, 14:00-16:00
              sun: closed
            holidays:
              - 2026-12-25
        """);

    [TestCase("2026-11-23T09:00+08:00", CalendarState.Open, TestName = "Monday 09:00 local is open")]
    [TestCase("2026-11-23T08:59+08:00", CalendarState.Closed, TestName = "Monday 08:59 local is closed")]
    [TestCase("2026-11-23T17:59+08:00", CalendarState.Open, TestName = "Monday 17:59 local is open")]
    [TestCase("2026-11-23T18:00+08:00", CalendarState.Closed, TestName = "Monday 18:00 local is closed: closing time is exclusive")]
    [TestCase("2026-11-23T02:00Z", CalendarState.Open, TestName = "02:00 UTC is 10:00 in Kuala Lumpur: open")]
    [TestCase("2026-11-22T23:30Z", CalendarState.Closed, TestName = "Sunday 23:30 UTC is Monday 07:30 in Kuala Lumpur: closed")]
    [TestCase("2026-11-23T00:30Z", CalendarState.Closed, TestName = "Monday 00:30 UTC is Monday 08:30 local: closed until 09:00")]
    [TestCase("2026-11-28T12:30+08:00", CalendarState.Closed, TestName = "Saturday's lunch break is closed")]
    [TestCase("2026-11-28T14:00+08:00", CalendarState.Open, TestName = "Saturday afternoon opens at 14:00")]
    [TestCase("2026-11-29T10:00+08:00", CalendarState.Closed, TestName = "Sunday is closed")]
    [TestCase("2026-12-25T10:00+08:00", CalendarState.Holiday, TestName = "A holiday on a weekday is a holiday")]
    [TestCase("2026-12-24T16:30Z", CalendarState.Holiday, TestName = "A holiday starts at local midnight, the day before in UTC")]
    [TestCase("2026-12-25T16:30Z", CalendarState.Closed, TestName = "A holiday ends at local midnight")]
    public void Kuala_Lumpur_office_hours(string instant, CalendarState expected)
    {
        var state = KualaLumpur.StateAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
        Assert.That(state, Is.EqualTo(expected));
    }

    [Test]
    public void The_same_instant_is_open_in_one_zone_and_closed_in_another()
    {
        var jakarta = Parse("""
            calendars:
              office:
                time_zone: Asia/Jakarta
                hours:
                  mon-fri: 09:00-18:00
            """);
        // 17:30 in Jakarta is 18:30 in Kuala Lumpur.
        var instant = new DateTimeOffset(2026, 11, 23, 10, 30, 0, TimeSpan.Zero);
        Assert.That(jakarta.StateAt(instant), Is.EqualTo(CalendarState.Open));
        Assert.That(KualaLumpur.StateAt(instant), Is.EqualTo(CalendarState.Closed));
    }

    [Test]
    public void A_late_shift_stays_open_past_midnight_into_the_next_day()
    {
        var late = Parse("""
            calendars:
              office:
                time_zone: UTC
                hours:
                  fri: 22:00-02:00
                holidays: [2026-12-04]
            """);
        Assert.Multiple(() =>
        {
            Assert.That(late.StateAt(new DateTimeOffset(2026, 11, 27, 21, 59, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Closed), "Friday 21:59");
            Assert.That(late.StateAt(new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Open), "Friday 23:00");
            Assert.That(late.StateAt(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Open), "Saturday 00:00");
            Assert.That(late.StateAt(new DateTimeOffset(2026, 11, 28, 1, 59, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Open), "Saturday 01:59");
            Assert.That(late.StateAt(new DateTimeOffset(2026, 11, 28, 2, 0, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Closed), "Saturday 02:00");
            Assert.That(late.StateAt(new DateTimeOffset(2026, 12, 5, 1, 0, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Closed), "after a Friday holiday the late shift does not run");
        });
    }

    [Test]
    public void Hours_until_24_00_are_open_until_midnight_and_not_after()
    {
        var evening = Parse("""
            calendars:
              office:
                time_zone: UTC
                hours:
                  mon: 20:00-24:00
            """);
        Assert.That(evening.StateAt(new DateTimeOffset(2026, 11, 23, 23, 59, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Open));
        Assert.That(evening.StateAt(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero)), Is.EqualTo(CalendarState.Closed));
    }

    [Test]
    public void Day_ranges_and_lists_name_each_day()
    {
        var calendar = Parse("""
            calendars:
              office:
                time_zone: UTC
                hours:
                  fri-mon: 10:00-11:00
                  wed,thu: 12:00-13:00
            """);
        Assert.That(new[] { DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday, DayOfWeek.Monday }.Select(d => calendar.PeriodsOn(d).Count), Is.All.EqualTo(1));
        Assert.That(calendar.PeriodsOn(DayOfWeek.Tuesday), Is.Empty);
        Assert.That(calendar.PeriodsOn(DayOfWeek.Thursday).Single().ToString(), Is.EqualTo("12:00-13:00"));
    }

    [Test]
    public void A_day_given_twice_and_a_bad_date_are_reported_with_positions()
    {
        var reader = new YamlFileReader("calendars.yaml");
        CalendarFile.Parse(new StringReader("""
            calendars:
              office:
                time_zone: UTC
                hours:
                  mon-fri: 09:00-17:00
                  fri: 09:00-12:00
                holidays:
                  - 2026-02-30
            """), reader);
        Assert.That(reader.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "calendars.yaml:6:7: fri is given hours twice",
            "calendars.yaml:8:9: '2026-02-30' is not a date: write 2026-12-25",
        }));
    }
}
