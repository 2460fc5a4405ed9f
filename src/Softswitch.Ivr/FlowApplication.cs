using Microsoft.Extensions.Logging;
using Softswitch.Channels;
using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr;

/// <summary>
/// A flow as an application on a call. It holds one loaded version of the flow: a reload while the call runs does not
/// change what this call does (a <c>transfer: { flow: … }</c> picks the version live at that moment).
/// </summary>
public sealed partial class FlowApplication(Flow flow, FlowServices services, Func<string, Flow?> resolveFlow, IFlowTrace? trace = null)
    : ICallApplication
{
    private readonly ILogger _logger = services.LoggerFactory.CreateLogger<FlowApplication>();

    public string Name => $"flow {flow.Name}";

    public Flow Flow => flow;

    public Task RunAsync(ICallChannel channel) => RunFlowAsync(channel);

    /// <summary>Runs the flow on <paramref name="channel"/>; returns how the call left it (<c>transfer 1002</c>, <c>hangup</c>…).</summary>
    public async Task<string> RunFlowAsync(ICallChannel channel)
    {
        var result = await new FlowRun(flow, channel, services, resolveFlow, trace).RunAsync().ConfigureAwait(false);
        LogFlowEnded(_logger, channel.CallUuid, flow.Name, result);
        return result;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Debug, Message = "Call {CallUuid} left flow {Flow}: {Result}")]
    private static partial void LogFlowEnded(ILogger logger, string callUuid, string flow, string result);
}
