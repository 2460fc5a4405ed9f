using System.Globalization;

namespace Softswitch.Ivr.Simulation;

/// <summary>
/// What a simulated caller does, as typed on the command line: <c>2,3,123456#</c>. Each comma-separated group is typed
/// when the flow next waits for keys (during a prompt with barge-in, or at a menu or collect); an empty group
/// (<c>2,,3</c>) lets that wait time out; <c>w5</c> or <c>w1.5</c> is a pause of that many seconds before the next keys.
/// When the script runs out the caller hangs up at the next wait.
/// </summary>
public sealed class KeyScript
{
    private readonly Queue<KeyScriptStep> _steps;

    private KeyScript(IEnumerable<KeyScriptStep> steps) => _steps = new Queue<KeyScriptStep>(steps);

    public bool IsEmpty => _steps.Count == 0;

    public static bool TryParse(string? text, out KeyScript script, out string? error)
    {
        var steps = new List<KeyScriptStep>();
        script = new KeyScript(steps);
        error = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            if (part.StartsWith('w'))
            {
                if (!double.TryParse(part.AsSpan(1), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || seconds <= 0)
                {
                    error = $"'{part}' is not a pause: write w5 for 5 seconds";
                    return false;
                }

                steps.Add(new KeyScriptStep("", TimeSpan.FromSeconds(seconds)));
                continue;
            }

            if (part.Any(c => c is not ((>= '0' and <= '9') or '*' or '#' or 'A' or 'B' or 'C' or 'D')))
            {
                error = $"'{part}' is not keys: use 0-9, *, # (groups separated by commas, w5 for a pause)";
                return false;
            }

            steps.Add(new KeyScriptStep(part, TimeSpan.Zero));
        }

        script = new KeyScript(steps);
        return true;
    }

    public bool TryPeek(out KeyScriptStep step) => _steps.TryPeek(out step);

    public KeyScriptStep Take() => _steps.Dequeue();

    /// <summary>Shortens the pause at the head by <paramref name="elapsed"/> (a timeout ended while the caller still waited).</summary>
    public void ShortenPause(TimeSpan elapsed)
    {
        var pause = _steps.Dequeue();
        var rest = pause.Pause - elapsed;
        if (rest <= TimeSpan.Zero) return;
        var remaining = new List<KeyScriptStep> { pause with { Pause = rest } };
        remaining.AddRange(_steps);
        _steps.Clear();
        foreach (var step in remaining) _steps.Enqueue(step);
    }
}
