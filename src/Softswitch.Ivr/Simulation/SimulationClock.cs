namespace Softswitch.Ivr.Simulation;

/// <summary>A clock that only moves when the simulated call waits (a timeout, a pause in the key script).</summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by)
    {
        if (by > TimeSpan.Zero) _now += by;
    }
}
