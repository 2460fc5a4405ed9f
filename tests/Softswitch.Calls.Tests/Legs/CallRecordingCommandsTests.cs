using Softswitch.Calls.Legs;

namespace Softswitch.Calls.Tests.Legs;

public sealed class CallRecordingCommandsTests
{
    private sealed class RecordedCall(string uuid, string callId) : ILiveCall, IRecordingControl
    {
        public List<string> Commands { get; } = [];

        public string CallId => callId;

        public string Uuid => uuid;

        public Task WhenReleased => Task.CompletedTask;

        public Task WhenSignallingEnded => Task.CompletedTask;

        public void HangupForShutdown()
        {
        }

        public LiveCallInfo Describe() => throw new NotSupportedException();

        public RecordingControlResult PauseRecording()
        {
            Commands.Add("pause");
            return RecordingControlResult.Done;
        }

        public RecordingControlResult ResumeRecording()
        {
            Commands.Add("resume");
            return RecordingControlResult.Unchanged;
        }
    }

    [Test]
    public void A_call_is_found_by_its_uuid_or_its_sip_call_id_and_told_to_pause_or_resume()
    {
        var registry = new CallRegistry();
        var other = new RecordedCall("uuid-1", "call-1@phone");
        var call = new RecordedCall("uuid-2", "call-2@phone");
        registry.TryAdd(other);
        registry.TryAdd(call);
        var commands = new CallRecordingCommands(registry);

        Assert.That(commands.Pause("uuid-2"), Is.EqualTo(RecordingControlResult.Done));
        Assert.That(commands.Resume("call-2@phone"), Is.EqualTo(RecordingControlResult.Unchanged));
        Assert.That(call.Commands, Is.EqualTo(new[] { "pause", "resume" }));
        Assert.That(other.Commands, Is.Empty);
    }

    [Test]
    public void An_id_no_call_in_progress_has_is_reported_as_such()
    {
        var registry = new CallRegistry();
        registry.TryAdd(new RecordedCall("uuid-1", "call-1@phone"));

        Assert.That(new CallRecordingCommands(registry).Pause("uuid-9"), Is.EqualTo(RecordingControlResult.NoSuchCall));
    }
}
