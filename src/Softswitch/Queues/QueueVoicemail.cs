using Softswitch.Channels;
using Softswitch.Ivr;
using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Queues;

/// <summary>
/// A queue's overflow to <c>voicemail:EXTENSION</c>: the caller leaves a message in the extension's box exactly as
/// through a flow's <c>voicemail</c> node (greeting <c>leave-message</c>, the beep, recorded until # or silence, the
/// message and its row kept by the voicemail store), then hears <c>goodbye</c>. The two nodes run as a flow built here,
/// in the caller's language.
/// </summary>
internal sealed class QueueVoicemail(string box, FlowServices services) : ICallApplication
{
    private static readonly SourcePosition Here = new("queue overflow", 0, 0);

    public string Name => "voicemail " + box;

    public Task RunAsync(ICallChannel channel)
    {
        var message = new VoicemailNode("message", Here, new VoicemailSettings
        {
            Box = box,
            Greeting = [new PromptReference("leave-message", null, Here)],
            Next = new NodeReference("goodbye", Here),
        });
        var goodbye = new PlayNode("goodbye", Here, [new PromptReference("goodbye", null, Here)], bargeIn: false, next: null);
        var flow = new Flow("voicemail-" + box, "", message.Name, [channel.Language], [],
            new Dictionary<string, FlowNode>(StringComparer.Ordinal) { [message.Name] = message, [goodbye.Name] = goodbye });
        return new FlowApplication(flow, services, _ => null).RunAsync(channel);
    }
}
