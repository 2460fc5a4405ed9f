using Softswitch.Channels;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Simulation;

/// <summary>Takes a message for any box without storing anything, so a simulated call can go through a <c>voicemail</c> node.</summary>
public sealed class SimulatedVoicemailDrop(IFlowTrace trace) : IVoicemailDrop
{
    public Task<VoicemailMessage?> StartMessageAsync(string box, VoicemailCaller caller, CancellationToken cancellationToken = default) =>
        Task.FromResult<VoicemailMessage?>(new VoicemailMessage(box, $"voicemail/{box}/message.wav", "simulated"));

    public Task FinishMessageAsync(VoicemailMessage message, RecordResult recording, CancellationToken cancellationToken = default)
    {
        trace.Step($"voicemail {message.Box}: message kept (simulated, nothing stored)");
        return Task.CompletedTask;
    }
}
