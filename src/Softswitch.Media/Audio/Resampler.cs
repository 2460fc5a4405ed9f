using System.Numerics;

namespace Softswitch.Media.Audio;

/// <summary>
/// Streaming mono sample-rate converter (8, 16, 48 kHz and any other rational pair) by polyphase FIR filtering with a
/// Kaiser-windowed sinc (&gt; 60 dB stopband). It keeps the filter history between calls, so feeding 20 ms frames
/// one by one gives exactly the samples a single call over the whole signal would. Not thread-safe: one per stream.
/// </summary>
public sealed class Resampler
{
    // Room for 120 ms at 48 kHz up front, so normal frame sizes never grow the buffer.
    private const int InitialChunkCapacity = 5760;

    private readonly PolyphaseFilterBank _bank;
    private readonly int _history;
    private float[] _window;
    private long _nextInputIndex;
    private int _phase;

    /// <summary>Creates a converter from <paramref name="inputRate"/> to <paramref name="outputRate"/> Hz.</summary>
    public Resampler(int inputRate, int outputRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfLessThan(outputRate, 1000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(inputRate, 384000);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(outputRate, 384000);
        InputRate = inputRate;
        OutputRate = outputRate;
        _bank = PolyphaseFilterBank.For(inputRate, outputRate);
        _history = _bank.TapsPerPhase - 1;
        _window = new float[_history + InitialChunkCapacity];
    }

    /// <summary>Input sample rate in Hz.</summary>
    public int InputRate { get; }

    /// <summary>Output sample rate in Hz.</summary>
    public int OutputRate { get; }

    /// <summary>Latency the linear-phase filter adds (half its length), in milliseconds.</summary>
    public double DelayMilliseconds => InputRate == OutputRate ? 0 : _bank.DelaySeconds * 1000;

    /// <summary>Exact number of samples the next <see cref="Process"/> call produces for <paramref name="inputLength"/> inputs.</summary>
    public int GetOutputLength(int inputLength)
    {
        if (InputRate == OutputRate)
        {
            return inputLength;
        }

        // Outputs fall at up-sampled instants t = n·M; those with t < (inputs so far)·L can be computed now.
        long start = _nextInputIndex * _bank.Interpolation + _phase;
        long end = (long)inputLength * _bank.Interpolation;
        return start >= end ? 0 : (int)((end - start + _bank.Decimation - 1) / _bank.Decimation);
    }

    /// <summary>Converts <paramref name="input"/>, writing <see cref="GetOutputLength"/> samples to <paramref name="output"/>.</summary>
    /// <returns>Samples written.</returns>
    /// <exception cref="ArgumentException"><paramref name="output"/> is shorter than <see cref="GetOutputLength"/>.</exception>
    public int Process(ReadOnlySpan<short> input, Span<short> output)
    {
        int produced = GetOutputLength(input.Length);
        if (output.Length < produced)
        {
            throw new ArgumentException($"Output needs {produced} samples but has {output.Length}.", nameof(output));
        }

        if (InputRate == OutputRate)
        {
            input.CopyTo(output);
            return produced;
        }

        if (_window.Length < _history + input.Length)
        {
            Array.Resize(ref _window, _history + input.Length);
        }

        Span<float> window = _window;
        for (int i = 0; i < input.Length; i++)
        {
            window[_history + i] = input[i];
        }

        // The newest input an output needs is x[index]; its window starts _history samples earlier, which in
        // the buffer (history first, then this chunk) is position index.
        int taps = _bank.TapsPerPhase;
        long index = _nextInputIndex;
        int phase = _phase;
        for (int n = 0; n < produced; n++)
        {
            float value = Dot(_bank.Phase(phase), window.Slice((int)index, taps));
            output[n] = (short)Math.Clamp(MathF.Round(value), short.MinValue, short.MaxValue);
            phase += _bank.Decimation;
            index += phase / _bank.Interpolation;
            phase %= _bank.Interpolation;
        }

        window.Slice(input.Length, _history).CopyTo(window);
        _nextInputIndex = index - input.Length;
        _phase = phase;
        return produced;
    }

    /// <summary>Forgets the history (start of a new, unrelated stream).</summary>
    public void Reset()
    {
        Array.Clear(_window);
        _nextInputIndex = 0;
        _phase = 0;
    }

    private static float Dot(ReadOnlySpan<float> coefficients, ReadOnlySpan<float> samples)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && coefficients.Length >= Vector<float>.Count)
        {
            var accumulator = Vector<float>.Zero;
            for (; i <= coefficients.Length - Vector<float>.Count; i += Vector<float>.Count)
            {
                accumulator += new Vector<float>(coefficients[i..]) * new Vector<float>(samples[i..]);
            }

            sum = Vector.Sum(accumulator);
        }

        for (; i < coefficients.Length; i++)
        {
            sum += coefficients[i] * samples[i];
        }

        return sum;
    }
}
