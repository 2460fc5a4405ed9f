namespace Softswitch.Benchmarks;

/// <summary>A clock the benchmark moves itself, so the ACD's timers (relaxation steps) fire at a steady pace.</summary>
internal sealed class ManualTime(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
