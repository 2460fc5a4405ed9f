namespace Softswitch.Acd.Statistics;

/// <summary>The average of the last N samples (seconds), kept as a running sum over a ring.</summary>
public sealed class RollingWindow(int size)
{
    private readonly double[] _samples = new double[Math.Max(1, size)];
    private int _next;
    private double _sum;

    public int Count { get; private set; }

    public double? Average => Count == 0 ? null : _sum / Count;

    public void Add(double sample)
    {
        if (Count == _samples.Length) _sum -= _samples[_next];
        else Count++;
        _samples[_next] = sample;
        _sum += sample;
        _next = (_next + 1) % _samples.Length;
    }
}
