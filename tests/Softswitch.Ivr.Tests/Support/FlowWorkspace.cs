using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;
using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>A temp folder with <c>flows/</c> and <c>sounds/&lt;language&gt;/</c>, deleted on dispose.</summary>
public sealed class FlowWorkspace : IDisposable
{
    public FlowWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "ivr-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Flows);
        Directory.CreateDirectory(Sounds);
    }

    public string Root { get; }

    public string Flows => Path.Combine(Root, "flows");

    public string Sounds => Path.Combine(Root, "sounds");

    public string FlowFile(string name) => Path.Combine(Flows, name + ".yaml");

    public FlowWorkspace WriteFlow(string name, string yaml)
    {
        File.WriteAllText(FlowFile(name), yaml);
        return this;
    }

    public FlowWorkspace WriteCalendars(string yaml)
    {
        File.WriteAllText(Path.Combine(Flows, "calendars.yaml"), yaml);
        return this;
    }

    /// <summary>Writes each prompt as a short, valid WAV (8 kHz mono 16-bit, 10 ms of silence).</summary>
    public FlowWorkspace AddPrompts(string language, params string[] names)
    {
        foreach (var name in names) Wav.WriteSilence(Path.Combine(Sounds, language, name + ".wav"), 80);
        return this;
    }

    public FlowServices Services(TimeProvider clock, INumberSpeaker? speaker = null, ISpeechSynthesizer? synthesizer = null,
        IVoicemailDrop? drop = null, HttpClient? http = null) => new()
    {
        TimeProvider = clock,
        SoundsFolder = Sounds,
        NumberSpeaker = speaker,
        SpeechSynthesizer = synthesizer,
        VoicemailDrop = drop,
        HttpClient = http,
    };

    public FlowFolderResult Load(FlowServices services) => FlowFolder.Load(Flows, services);

    /// <summary>Loads the folder (failing the test on any error) and runs <paramref name="flow"/> with <paramref name="keys"/>.</summary>
    public async Task<SimulatedCall> RunAsync(string flow, string keys, FlowServices services, SimulationClock clock, Action<SimulatedChannel>? setUp = null)
    {
        var loaded = Load(services);
        Assert.That(loaded.Problems.Where(p => p.IsError), Is.Empty, "the flow should load");
        Assert.That(KeyScript.TryParse(keys, out var script, out var error), Is.True, error);
        var transcript = new SimulationTranscript();
        var channel = new SimulatedChannel(script, clock, transcript);
        setUp?.Invoke(channel);
        var application = new FlowApplication(loaded.Flows[flow], services, name => loaded.Flows.GetValueOrDefault(name), transcript);
        var result = await application.RunFlowAsync(channel);
        return new SimulatedCall(result, channel, transcript.Lines);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A watcher may still hold the folder for a moment; the temp folder is cleaned by the OS later.
        }
    }
}
