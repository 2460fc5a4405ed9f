namespace Softswitch.Channels;

/// <summary>
/// What runs on an answered call: an IVR flow, a queue, echo, music. The call hangs up when <see cref="RunAsync"/>
/// returns (unless the caller already did); an exception is logged and ends the call.
/// </summary>
public interface ICallApplication
{
    /// <summary>Shown in the call's log lines and the live call list (e.g. <c>flow main</c>).</summary>
    string Name { get; }

    Task RunAsync(ICallChannel channel);
}
