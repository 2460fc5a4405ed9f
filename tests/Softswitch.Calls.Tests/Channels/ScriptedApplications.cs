using Softswitch.Calls.Routing;
using Softswitch.Channels;

namespace Softswitch.Calls.Tests.Channels;

/// <summary>Serves every flow route with the test's own script, run on the real channel of the call.</summary>
internal sealed class ScriptedApplications(Func<ICallChannel, Task> script) : IRouteApplications, ICallApplication
{
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => "scripted";

    /// <summary>Completes when the script returned (faults with its exception).</summary>
    public Task Finished => _finished.Task;

    public ICallApplication? For(DialPlanRoute route) => route.Target == RouteTarget.Flow ? this : null;

    public async Task RunAsync(ICallChannel channel)
    {
        try
        {
            await script(channel);
            _finished.TrySetResult();
        }
        catch (Exception error)
        {
            _finished.TrySetException(error);
            throw;
        }
    }
}
