using System.Collections.Concurrent;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Presence;

public sealed class ExtensionActivityTests
{
    private ExtensionActivity _board = null!;
    private RecordingObserver _observer = null!;

    [SetUp]
    public void SetUp()
    {
        _board = new ExtensionActivity();
        _observer = new RecordingObserver();
        _board.Observe(_observer);
    }

    [TearDown]
    public async Task TearDown() => await _board.DisposeAsync();

    [Test]
    public async Task A_dialog_is_on_the_board_until_it_terminates_and_observers_see_each_change_in_order()
    {
        _board.Report("1001", Call("a", DialogState.Trying));
        _board.Report("1001", Call("a", DialogState.Confirmed));
        Assert.That(_board.Snapshot("1001").Single().State, Is.EqualTo(DialogState.Confirmed), "a report replaces the dialog's previous one");

        _board.Report("1001", Call("a", DialogState.Terminated));
        await Eventually.TrueAsync(() => _observer.Changes.Count == 3, () => $"{_observer.Changes.Count} changes");

        Assert.That(_board.Snapshot("1001"), Is.Empty);
        Assert.That(_board.BusyExtensions, Is.Zero);
        Assert.That(_observer.Changes.Select(c => c.Changed.State), Is.EqualTo(new[] { DialogState.Trying, DialogState.Confirmed, DialogState.Terminated }));
        Assert.That(_observer.Changes[2].Dialogs.Single().State, Is.EqualTo(DialogState.Terminated), "the change that ends a dialog still lists it");
    }

    [Test]
    public async Task Each_extension_has_its_own_dialogs_and_a_change_lists_all_of_them()
    {
        _board.Report("1001", Call("a", DialogState.Confirmed));
        _board.Report("1001", Call("b", DialogState.Early));
        _board.Report("1002", Call("c", DialogState.Early));
        await Eventually.TrueAsync(() => _observer.Changes.Count == 3, () => $"{_observer.Changes.Count} changes");

        Assert.That(_board.Snapshot("1001").Select(d => d.CallId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(_board.Snapshot("1002").Select(d => d.CallId), Is.EqualTo(new[] { "c" }));
        Assert.That(_observer.Changes[1].Dialogs.Select(d => d.CallId), Is.EqualTo(new[] { "a", "b" }));
        Assert.That(_board.BusyExtensions, Is.EqualTo(2));
    }

    [Test]
    public async Task A_repeated_report_and_the_end_of_a_dialog_never_reported_change_nothing()
    {
        _board.Report("1001", Call("a", DialogState.Early));
        _board.Report("1001", Call("a", DialogState.Early));
        _board.Report("1001", Call("never", DialogState.Terminated));
        _board.Report("1001", Call("a", DialogState.Confirmed));
        await Eventually.TrueAsync(() => _observer.Changes.Count >= 2, () => $"{_observer.Changes.Count} changes");
        await Task.Delay(50);

        Assert.That(_observer.Changes.Select(c => c.Changed.State), Is.EqualTo(new[] { DialogState.Early, DialogState.Confirmed }));
    }

    [Test]
    public async Task Observers_run_off_the_reporting_thread_so_a_slow_one_never_holds_up_a_call()
    {
        var slow = new BlockingObserver();
        _board.Observe(slow);

        _board.Report("1001", Call("a", DialogState.Trying));
        _board.Report("1001", Call("a", DialogState.Confirmed)); // returns although the observer is stuck on the first

        Assert.That(_board.Snapshot("1001").Single().State, Is.EqualTo(DialogState.Confirmed));
        Assert.That(await slow.Entered.Task.WaitAsync(TimeSpan.FromSeconds(5)), Is.True);
        slow.Release.Set();
        await Eventually.TrueAsync(() => slow.Seen == 2, () => $"{slow.Seen} seen");
    }

    [Test]
    public async Task An_observer_that_throws_does_not_stop_the_others()
    {
        var board = new ExtensionActivity();
        var after = new RecordingObserver();
        board.Observe(new ThrowingObserver());
        board.Observe(after);

        board.Report("1001", Call("a", DialogState.Trying));
        board.Report("1001", Call("a", DialogState.Terminated));
        await Eventually.TrueAsync(() => after.Changes.Count == 2, () => $"{after.Changes.Count} changes");
        await board.DisposeAsync();
    }

    [Test]
    public async Task An_observer_hears_only_the_extensions_it_watches_while_the_board_keeps_every_extension()
    {
        var selective = new WatchingObserver("1002");
        _board.Observe(selective);
        _board.Report("1001", Call("a", DialogState.Early));
        _board.Report("1002", Call("b", DialogState.Early));
        _board.Report("1001", Call("a", DialogState.Terminated));
        await Eventually.TrueAsync(() => _observer.Changes.Count == 3, () => $"{_observer.Changes.Count} changes");

        Assert.That(selective.Changes.Select(c => c.Changed.CallId), Is.EqualTo(new[] { "b" }));
        Assert.That(_board.Snapshot("1001"), Is.Empty);
        Assert.That(_board.Snapshot("1002").Single().CallId, Is.EqualTo("b"));
    }

    [Test]
    public async Task A_dialog_that_changes_keeps_its_place_and_the_order_survives_many_dialogs_coming_and_going()
    {
        for (var i = 0; i < 500; i++) _board.Report("1001", Call("d" + i, DialogState.Early));
        for (var i = 0; i < 500; i += 2) _board.Report("1001", Call("d" + i, DialogState.Terminated));
        _board.Report("1001", Call("d1", DialogState.Confirmed));
        _board.Report("1001", Call("new", DialogState.Trying));
        await Eventually.TrueAsync(() => _observer.Changes.Count == 752, () => $"{_observer.Changes.Count} changes");

        var expected = Enumerable.Range(0, 500).Where(i => i % 2 == 1).Select(i => "d" + i).Append("new").ToArray();
        Assert.That(_board.Snapshot("1001").Select(d => d.CallId), Is.EqualTo(expected), "in the order they began");
        Assert.That(_board.Snapshot("1001")[0].State, Is.EqualTo(DialogState.Confirmed), "the change replaced the dialog in its place");
        Assert.That(_observer.Changes[^2].Dialogs.Select(d => d.CallId), Is.EqualTo(expected[..^1]), "an observer sees the same order");
    }

    [Test]
    public void A_snapshot_is_a_copy_that_later_changes_leave_alone()
    {
        _board.Report("1001", Call("a", DialogState.Early));
        var before = _board.Snapshot("1001");
        _board.Report("1001", Call("a", DialogState.Confirmed));
        _board.Report("1001", Call("b", DialogState.Trying));

        Assert.That(before.Single().State, Is.EqualTo(DialogState.Early));
    }

    private static DialogActivity Call(string callId, DialogState state) =>
        new(callId, DialogDirection.Initiator, state, "sip:1002@softswitch.test", LocalTag: "t-" + callId);

    private sealed class RecordingObserver : IExtensionActivityObserver
    {
        private readonly ConcurrentQueue<ExtensionActivityChange> _changes = new();

        public List<ExtensionActivityChange> Changes => [.. _changes];

        public void OnActivity(ExtensionActivityChange change) => _changes.Enqueue(change);
    }

    /// <summary>Watches one extension, as the dialog subscriptions do for the extensions somebody subscribed to.</summary>
    private sealed class WatchingObserver(string watched) : IExtensionActivityObserver
    {
        private readonly ConcurrentQueue<ExtensionActivityChange> _changes = new();

        public List<ExtensionActivityChange> Changes => [.. _changes];

        public void OnActivity(ExtensionActivityChange change) => _changes.Enqueue(change);

        public bool Watches(string extension) => extension == watched;
    }

    private sealed class BlockingObserver : IExtensionActivityObserver
    {
        private int _seen;

        public TaskCompletionSource<bool> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ManualResetEventSlim Release { get; } = new();

        public int Seen => Volatile.Read(ref _seen);

        public void OnActivity(ExtensionActivityChange change)
        {
            Entered.TrySetResult(true);
            Release.Wait(TimeSpan.FromSeconds(10)); // a slow observer, on purpose
            Interlocked.Increment(ref _seen);
        }
    }

    private sealed class ThrowingObserver : IExtensionActivityObserver
    {
        public void OnActivity(ExtensionActivityChange change) => throw new InvalidOperationException("a broken observer");
    }
}
