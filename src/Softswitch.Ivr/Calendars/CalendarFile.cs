using System.Globalization;
using Softswitch.Ivr.Loading;
using YamlDotNet.RepresentationModel;

namespace Softswitch.Ivr.Calendars;

/// <summary>
/// Reads <c>ivr-flows/calendars.yaml</c>: named calendars with an IANA time zone, weekly hours
/// (<c>mon-fri: 09:00-18:00</c>, <c>sat: 09:00-12:00, 14:00-16:00</c>, <c>sun: closed</c>, <c>22:00-02:00</c> runs past
/// midnight) and holiday dates.
/// </summary>
internal static class CalendarFile
{
    public const string FileName = "calendars.yaml";

    private static readonly string[] DayNames = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static Dictionary<string, BusinessCalendar> Parse(TextReader text, YamlFileReader reader)
    {
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        if (reader.ParseDocument(text) is not { } root || reader.Mapping(root, "calendars.yaml") is not { } mapping) return calendars;
        var entries = reader.Entries(mapping);
        foreach (var (key, (keyNode, _)) in entries)
        {
            if (key != "calendars") reader.Error(keyNode, $"unknown key '{key}' at the top of calendars.yaml (known: calendars)");
        }

        if (!entries.TryGetValue("calendars", out var list) || reader.Mapping(list.Value, "calendars") is not { } calendarsMap) return calendars;
        foreach (var (name, (key, value)) in reader.Entries(calendarsMap))
        {
            if (reader.Reference(key, "a calendar's name") is not null && reader.Mapping(value, $"calendar '{name}'") is { } calendarMap
                && ParseCalendar(name, calendarMap, reader) is { } calendar)
            {
                calendars[name] = calendar;
            }
        }

        return calendars;
    }

    private static BusinessCalendar? ParseCalendar(string name, YamlMappingNode mapping, YamlFileReader reader)
    {
        var entries = reader.Entries(mapping);
        foreach (var (key, (keyNode, _)) in entries)
        {
            if (key is not ("time_zone" or "hours" or "holidays")) reader.Error(keyNode, $"unknown key '{key}' in a calendar (known: time_zone, hours, holidays)");
        }

        TimeZoneInfo? zone = null;
        if (!entries.TryGetValue("time_zone", out var zoneEntry)) reader.Error(mapping, $"calendar '{name}' needs 'time_zone:' (an IANA name such as Asia/Kuala_Lumpur)");
        else if (reader.Scalar(zoneEntry.Value, "time_zone") is { } zoneName && !TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out zone))
        {
            reader.Error(zoneEntry.Value, $"unknown time zone '{zoneName}' (use an IANA name such as Asia/Kuala_Lumpur or Asia/Jakarta)");
        }

        var week = new Dictionary<DayOfWeek, IReadOnlyList<OpeningPeriod>>();
        if (entries.TryGetValue("hours", out var hoursEntry) && reader.Mapping(hoursEntry.Value, "hours") is { } hoursMap)
        {
            foreach (var (days, (dayKey, periodsNode)) in reader.Entries(hoursMap))
            {
                var dayList = Days(days);
                if (dayList is null)
                {
                    reader.Error(dayKey, $"'{days}' is not a day or range of days (mon, tue, wed, thu, fri, sat, sun; mon-fri; sat,sun)");
                    continue;
                }

                if (Periods(reader.Scalar(periodsNode, days)) is not { } periods)
                {
                    reader.Error(periodsNode, "hours must be 'closed' or times like 09:00-18:00 (several: 09:00-12:00, 14:00-18:00; 24:00 ends at midnight)");
                    continue;
                }

                foreach (var day in dayList)
                {
                    if (!week.TryAdd(day, periods)) reader.Error(dayKey, $"{DayNames[(int)day]} is given hours twice");
                }
            }
        }

        var holidays = new HashSet<DateOnly>();
        if (entries.TryGetValue("holidays", out var holidaysEntry))
        {
            if (holidaysEntry.Value is not YamlSequenceNode holidayList) reader.Error(holidaysEntry.Value, "holidays must be a list of dates (- 2026-12-25)");
            else
            {
                foreach (var item in holidayList.Children)
                {
                    if (reader.Scalar(item, "a holiday") is not { } text) continue;
                    if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) holidays.Add(date);
                    else reader.Error(item, $"'{text}' is not a date: write 2026-12-25");
                }
            }
        }

        return zone is null ? null : new BusinessCalendar(name, zone, week, holidays);
    }

    private static List<DayOfWeek>? Days(string text)
    {
        var days = new List<DayOfWeek>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var range = part.Split('-', StringSplitOptions.TrimEntries);
            var from = Array.IndexOf(DayNames, range[0]);
            var to = range.Length == 2 ? Array.IndexOf(DayNames, range[1]) : from;
            if (range.Length > 2 || from < 0 || to < 0) return null;
            for (var day = from; ; day = (day + 1) % 7)
            {
                days.Add((DayOfWeek)day);
                if (day == to) break;
            }
        }

        return days;
    }

    private static List<OpeningPeriod>? Periods(string? text)
    {
        if (text is null) return null;
        if (text.Trim() == "closed") return [];
        var periods = new List<OpeningPeriod>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var times = part.Split('-', StringSplitOptions.TrimEntries);
            if (times.Length != 2 || Minutes(times[0]) is not { } opens || opens == 1440 || Minutes(times[1]) is not { } closes || opens == closes) return null;
            periods.Add(new OpeningPeriod(opens, closes));
        }

        return periods;
    }

    private static int? Minutes(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon is < 1 or > 2 || text.Length != colon + 3
            || !int.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || !int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes > 59 || hours > 24 || (hours == 24 && minutes != 0))
        {
            return null;
        }

        return hours * 60 + minutes;
    }
}
