namespace Softswitch.Ivr.Calendars;

public enum CalendarState
{
    Open,
    Closed,

    /// <summary>A holiday of the calendar (closed all day, local time).</summary>
    Holiday,
}
