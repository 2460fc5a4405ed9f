using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Media.Clock;
using Softswitch.Media.Playback;
using Softswitch.Media.Sdp;

namespace Softswitch.Benchmarks;

/// <summary>
/// The fixed work of an IVR call's playback, apart from the packets (MediaPathBenchmarks has the tick): a prompt
/// found and fetched from the shared cache as a call asks for it (which language has it, is it there, its encoding),
/// with a stat per lookup or with the switch's one-second recheck; and a player joining and leaving the media clock
/// while a thousand other calls play.
/// </summary>
[MemoryDiagnoser]
public class PlaybackBenchmarks
{
    private static readonly MediaFormat Pcma = new(8, "PCMA", 8000);

    private readonly PromptCache _statEveryTime = new();
    private readonly PromptCache _recheck = new(TimeProvider.System, PromptCache.DefaultRecheckInterval);
    private readonly MediaClock _clock = new(TimeProvider.System, NullLogger<MediaClock>.Instance); // never started
    private readonly Listener _joining = new();
    private string _sounds = null!;

    private sealed class Listener : IMediaClockListener
    {
        public void OnTick(long tick)
        {
        }
    }

    [GlobalSetup]
    public void Setup()
    {
        _sounds = Directory.CreateTempSubdirectory("playback-bench-").FullName;
        var folder = Directory.CreateDirectory(Path.Combine(_sounds, "ms")).FullName;
        using (var writer = new Softswitch.Media.Audio.WavWriter(Path.Combine(folder, "welcome.wav"), 8000, 1))
        {
            writer.Write(new short[8000 * 3]);
        }

        for (var i = 0; i < 1000; i++) _clock.Add(new Listener());
    }

    [Benchmark(Baseline = true, Description = "prompt lookup, a stat per check (locate, exists, cached encoding)")]
    public EncodedAudio LookupStatEveryTime()
    {
        var path = PromptCache.Resolve(_sounds, "ms", "welcome")!;
        return _statEveryTime.Exists(path) ? _statEveryTime.Get(path, Pcma) : null!;
    }

    [Benchmark(Description = "prompt lookup, checks reused for 1 s")]
    public EncodedAudio LookupRechecked()
    {
        var path = _recheck.Locate(_sounds, "ms", "welcome")!;
        return _recheck.Exists(path) ? _recheck.Get(path, Pcma) : null!;
    }

    [Benchmark(Description = "a player joins and leaves the clock, 1000 others on it")]
    public void JoinAndLeaveClock()
    {
        _clock.Add(_joining);
        _clock.Remove(_joining);
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        await _clock.DisposeAsync();
        Directory.Delete(_sounds, recursive: true);
    }
}
