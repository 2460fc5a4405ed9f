using Microsoft.Extensions.Logging;
using Softswitch.Channels;
using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr;

/// <summary>
/// Every flow of a folder, checked, and kept up to date while the switch runs: a saved change is live for new calls
/// within a second; a change with errors is refused (its problems logged) and the previous version stays live; calls
/// already in a flow keep the version they started with.
/// </summary>
public sealed partial class FlowLibrary : IDisposable
{
    private readonly string _folder;
    private readonly FlowServices _services;
    private readonly ILogger _logger;
    private readonly Lock _reloadLock = new();
    private volatile IReadOnlyDictionary<string, Flow> _flows = new Dictionary<string, Flow>();
    private FileSystemWatcher? _watcher;
    private ITimer? _debounce;

    /// <param name="folder">The flows folder (<c>ivr.flows</c>, e.g. <c>ivr-flows</c>).</param>
    /// <param name="services">What flows use while they run; its sounds folder and number speaker are also what the checks use.</param>
    public FlowLibrary(string folder, FlowServices services)
    {
        _folder = folder;
        _services = services;
        _logger = services.LoggerFactory.CreateLogger<FlowLibrary>();
    }

    /// <summary>How long after the last change to a file the folder is read again (editors save in several writes).</summary>
    public TimeSpan ReloadDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The names of the flows that are live.</summary>
    public IReadOnlyCollection<string> Names => [.. _flows.Keys];

    /// <summary>Raised after every (re)load, with what it found; the live flows are already updated.</summary>
    public event Action<FlowFolderResult>? Reloaded;

    /// <summary>The live version of flow <paramref name="name"/>, or null.</summary>
    public Flow? Find(string name) => _flows.GetValueOrDefault(name);

    /// <summary>An application running the live version of flow <paramref name="name"/> (for a route to <c>flow: NAME</c>), or null when there is none.</summary>
    public ICallApplication? CreateApplication(string name, IFlowTrace? trace = null) =>
        Find(name) is { } flow ? new FlowApplication(flow, _services, Find, trace) : null;

    /// <summary>Reads the folder now and makes every flow without errors live; logs every problem.</summary>
    public FlowFolderResult Load()
    {
        lock (_reloadLock)
        {
            var result = FlowFolder.Load(_folder, _services);
            var previous = _flows;
            var live = new Dictionary<string, Flow>(result.Flows, StringComparer.Ordinal);
            foreach (var name in result.Rejected)
            {
                if (previous.TryGetValue(name, out var kept))
                {
                    live[name] = kept;
                    LogFlowKept(_logger, name);
                }
            }

            foreach (var problem in result.Problems)
            {
                if (problem.IsError) LogProblem(_logger, problem.ToString());
                else LogWarning(_logger, problem.ToString());
            }

            _flows = live;
            LogLoaded(_logger, live.Count, _folder, result.Rejected.Count);
            Reloaded?.Invoke(result);
            return result;
        }
    }

    /// <summary>Watches the folder and reloads shortly after a change.</summary>
    public void StartWatching()
    {
        if (_watcher is not null) return;
        Directory.CreateDirectory(_folder);
        _debounce = _services.TimeProvider.CreateTimer(_ => ReloadSafely(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(_folder, "*.yaml") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
        _watcher.Changed += OnChanged;
        _watcher.Created += OnChanged;
        _watcher.Deleted += OnChanged;
        _watcher.Renamed += OnChanged;
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _debounce?.Dispose();
    }

    private void OnChanged(object sender, FileSystemEventArgs e) => _debounce?.Change(ReloadDelay, Timeout.InfiniteTimeSpan);

    private void ReloadSafely()
    {
        try
        {
            Load();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogReloadFailed(_logger, _folder, e);
        }
    }

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "IVR flows: {Count} live from {Folder} ({Rejected} with errors)")]
    private static partial void LogLoaded(ILogger logger, int count, string folder, int rejected);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Error, Message = "{Problem}")]
    private static partial void LogProblem(ILogger logger, string problem);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning, Message = "{Problem}")]
    private static partial void LogWarning(ILogger logger, string problem);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning, Message = "IVR flow {Flow}: the change has errors, the previous version stays live")]
    private static partial void LogFlowKept(ILogger logger, string flow);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Error, Message = "IVR flows: cannot read {Folder}")]
    private static partial void LogReloadFailed(ILogger logger, string folder, Exception exception);
}
