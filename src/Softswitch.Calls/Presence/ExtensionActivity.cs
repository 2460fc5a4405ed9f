using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Softswitch.Calls.Presence;

/// <summary>
/// The busy-lamp board: which dialogs each extension's phones are in right now. Call code reports every change with
/// <see cref="Report"/> (thread-safe, no I/O: a short lock, and for a watched extension an array copy and a channel write); observers (the dialog
/// subscriptions) hear each change in order on the board's own loop, never on the reporter's thread.
/// </summary>
/// <remarks>
/// What call control reports, per extension leg (Call-ID = that extension's own leg):
/// the caller's extension: <see cref="DialogState.Trying"/> when its INVITE is accepted for routing,
/// <see cref="DialogState.Early"/> when the switch sends it a 180/183 with a To tag, <see cref="DialogState.Confirmed"/>
/// when the switch answers it, <see cref="DialogState.Terminated"/> when the leg ends however it ends (BYE, CANCEL,
/// a final non-2xx). Each callee's extension (one report per B-leg INVITE, direction
/// <see cref="DialogDirection.Recipient"/>): Trying when the INVITE is sent, Early on its 180/183, Confirmed on its
/// 2xx, Terminated when that leg ends (lost the fork and got CANCEL, rejected, hung up).
/// </remarks>
public sealed partial class ExtensionActivity : IAsyncDisposable
{
    private readonly object _gate = new();
    private readonly Dictionary<string, ExtensionDialogs> _byExtension = new(StringComparer.Ordinal);
    private readonly Channel<ExtensionActivityChange> _changes =
        Channel.CreateUnbounded<ExtensionActivityChange>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly ILogger _logger;
    private readonly Task _loop;
    private IExtensionActivityObserver[] _observers = [];

    public ExtensionActivity(ILogger<ExtensionActivity>? logger = null)
    {
        _logger = logger ?? NullLogger<ExtensionActivity>.Instance;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Adds an observer; it hears changes reported from now on.</summary>
    public void Observe(IExtensionActivityObserver observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        lock (_gate) _observers = [.. _observers, observer];
    }

    /// <summary>
    /// <paramref name="extension"/>'s dialog <paramref name="activity"/> (keyed by its Call-ID) is now in its state.
    /// A repeated identical report is ignored; a Terminated report for a dialog never reported is ignored.
    /// </summary>
    public void Report(string extension, DialogActivity activity)
    {
        ArgumentNullException.ThrowIfNull(extension);
        ArgumentNullException.ThrowIfNull(activity);
        lock (_gate)
        {
            var current = _byExtension.GetValueOrDefault(extension);
            var previous = current?.Find(activity.CallId);
            if (previous is not null && previous == activity) return;
            if (activity.State == DialogState.Terminated && previous is null) return;

            // The list after the change is built only for an observer that watches this extension: an extension in
            // hundreds of dialogs (a load test, a busy trunk-facing extension) would otherwise copy them all on every report.
            var seen = WatchedByAnyObserver(extension) ? current?.InOrder(activity) ?? [activity] : null;
            if (activity.State == DialogState.Terminated)
            {
                current!.Remove(activity.CallId);
                if (current.Count == 0) _byExtension.Remove(extension);
            }
            else
            {
                if (current is null) _byExtension[extension] = current = new ExtensionDialogs();
                current.Set(activity);
            }

            // Under the lock, so changes of one extension enter the channel in the order they were made.
            if (seen is not null) _changes.Writer.TryWrite(new ExtensionActivityChange(extension, activity, seen));
        }
    }

    /// <summary>The dialogs <paramref name="extension"/> is in now (none terminated), in the order they began.</summary>
    public IReadOnlyList<DialogActivity> Snapshot(string extension)
    {
        lock (_gate) return _byExtension.GetValueOrDefault(extension)?.InOrder() ?? [];
    }

    /// <summary>How many extensions have at least one dialog.</summary>
    public int BusyExtensions
    {
        get { lock (_gate) return _byExtension.Count; }
    }

    private bool WatchedByAnyObserver(string extension)
    {
        foreach (var observer in _observers)
        {
            if (observer.Watches(extension)) return true;
        }

        return false;
    }

    private async Task RunAsync()
    {
        await foreach (var change in _changes.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                if (!observer.Watches(change.Extension)) continue;
                try
                {
                    observer.OnActivity(change);
                }
                catch (Exception error)
                {
                    LogObserverFailed(error, change.Extension, change.Changed.CallId);
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _changes.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{CallId}: a busy-lamp observer failed on a change of {Extension}")]
    private partial void LogObserverFailed(Exception error, string extension, string callId);
}
