using Softswitch.Channels;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>Boxes by name; remembers each message started and how its recording ended.</summary>
public sealed class FakeVoicemailDrop(params string[] boxes) : IVoicemailDrop
{
    public List<(VoicemailMessage Message, VoicemailCaller Caller)> Started { get; } = [];

    public List<(VoicemailMessage Message, RecordResult Recording)> Finished { get; } = [];

    public Task<VoicemailMessage?> StartMessageAsync(string box, VoicemailCaller caller, CancellationToken cancellationToken = default)
    {
        if (!boxes.Contains(box)) return Task.FromResult<VoicemailMessage?>(null);
        var message = new VoicemailMessage(box, $"/voicemail/{box}/{Started.Count + 1}.wav", (Started.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Started.Add((message, caller));
        return Task.FromResult<VoicemailMessage?>(message);
    }

    public Task FinishMessageAsync(VoicemailMessage message, RecordResult recording, CancellationToken cancellationToken = default)
    {
        Finished.Add((message, recording));
        return Task.CompletedTask;
    }
}
