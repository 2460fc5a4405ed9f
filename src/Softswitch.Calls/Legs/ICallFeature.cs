namespace Softswitch.Calls.Legs;

/// <summary>
/// What an answered call does once its media flows: echo, music on hold, meet-me (and later an IVR flow).
/// The call has already played its greeting; it hangs up when <see cref="RunAsync"/> returns, and cancels
/// <see cref="InboundCall.Ended"/> when the caller goes first.
/// </summary>
public interface ICallFeature
{
    /// <summary>Shown in the log line that says the call was answered.</summary>
    string Name { get; }

    Task RunAsync(InboundCall call);
}
