using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Presence;
using Softswitch.Channels;
using Softswitch.Ivr;
using Softswitch.Media.Audio;
using Softswitch.Storage;
using Softswitch.Storage.Migrations;
using Softswitch.Storage.Voicemail;
using Softswitch.Tests.Support;
using Softswitch.Voicemail;

namespace Softswitch.Tests.Voicemail;

/// <summary>The mailboxes over a real SQLite database and real files: what is kept, what is discarded, counts, PIN, save and delete.</summary>
public sealed class VoicemailStoreTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 30, 0, TimeSpan.Zero);

    private TempFolder _temp = null!;
    private VoicemailRepository _repository = null!;
    private VoicemailStore _store = null!;
    private readonly List<string> _changes = [];

    [SetUp]
    public async Task SetUp()
    {
        _temp = new TempFolder();
        _changes.Clear();
        var database = new SqliteDatabase(Path.Combine(_temp.Path, "softswitch.db"));
        await new MigrationRunner(database, logger: NullLogger<MigrationRunner>.Instance).MigrateAsync();
        _repository = new VoicemailRepository(database);
        _store = new VoicemailStore(_repository, Path.Combine(_temp.Path, "voicemail"), box => box is "1001" or "1002",
            box => box == "1001" ? "4826" : null, new FakeTimeProvider(Now), NullLogger<VoicemailStore>.Instance);
        _store.Observe(box => { lock (_changes) _changes.Add(box); });
        await _store.LoadAsync();
    }

    [TearDown]
    public void TearDown() => _temp.Dispose();

    [Test]
    public async Task A_spoken_message_is_kept_in_the_box_folder_with_its_row_and_the_owner_hears_of_it()
    {
        var message = await LeaveAsync("1001", TimeSpan.FromSeconds(3), amplitude: 8000);

        Assert.That(message.Path, Does.StartWith(Path.Combine(_temp.Path, "voicemail", "1001") + Path.DirectorySeparatorChar));
        Assert.That(File.Exists(message.Path), Is.True);
        var rows = await _repository.ListAsync("1001");
        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(rows[0].Caller, Is.EqualTo("60123456789"));
            Assert.That(rows[0].CallerName, Is.EqualTo("Ali"));
            Assert.That(rows[0].CallUuid, Is.EqualTo("call-1"));
            Assert.That(rows[0].DurationSeconds, Is.EqualTo(3).Within(0.05));
            Assert.That(rows[0].State, Is.EqualTo(VoicemailState.New));
            Assert.That(Path.Combine(_temp.Path, "voicemail", rows[0].Path), Is.EqualTo(message.Path));
            Assert.That(_store.TryGetSummary("1001", out var summary) ? summary : default, Is.EqualTo(new MessageSummary(1, 0)));
            Assert.That(_changes, Is.EqualTo(new[] { "1001" }));
        });
    }

    [TestCase(3.0, 0, TestName = "A silent message is discarded with its file")]
    [TestCase(0.6, 8000, TestName = "A message under a second is discarded with its file")]
    public async Task Empty_messages_are_discarded(double seconds, int amplitude)
    {
        var message = await LeaveAsync("1001", TimeSpan.FromSeconds(seconds), (short)amplitude);

        Assert.That(File.Exists(message.Path), Is.False);
        Assert.That(await _repository.ListAsync("1001"), Is.Empty);
        Assert.That(_changes, Is.Empty, "nothing changed for the owner");
    }

    [Test]
    public async Task A_number_that_is_no_extension_has_no_box()
    {
        Assert.That(await _store.StartMessageAsync("4999", Caller()), Is.Null);
        Assert.That(_store.TryGetSummary("4999", out _), Is.False);
        Assert.That(_store.TryGetSummary("1002", out var empty), Is.True);
        Assert.That(empty, Is.EqualTo(new MessageSummary(0, 0)));
    }

    [Test]
    public async Task The_owner_opens_the_box_with_its_pin_only()
    {
        await LeaveAsync("1001", TimeSpan.FromSeconds(2), amplitude: 8000);
        await LeaveAsync("1002", TimeSpan.FromSeconds(2), amplitude: 8000);

        var opened = await _store.OpenAsync("1001", "4826");

        Assert.That(opened, Has.Count.EqualTo(1));
        Assert.That(opened![0].Caller, Is.EqualTo("60123456789"));
        Assert.That(opened[0].IsNew, Is.True);
        Assert.That(await _store.OpenAsync("1001", "1234"), Is.Null, "a wrong PIN");
        Assert.That(await _store.OpenAsync("1002", ""), Is.Null, "a box without a PIN cannot be opened by phone");
    }

    [Test]
    public async Task Saving_then_deleting_moves_the_counts_and_announces_each_change_and_deleting_removes_the_file()
    {
        await LeaveAsync("1001", TimeSpan.FromSeconds(2), amplitude: 8000);
        var message = (await _store.OpenAsync("1001", "4826"))![0];

        await _store.SaveAsync(message);
        _store.TryGetSummary("1001", out var afterSave);
        var saved = (await _store.OpenAsync("1001", "4826"))![0];
        await _store.DeleteAsync(saved);
        _store.TryGetSummary("1001", out var afterDelete);

        Assert.That(afterSave, Is.EqualTo(new MessageSummary(0, 1)));
        Assert.That(afterDelete, Is.EqualTo(new MessageSummary(0, 0)));
        Assert.That(File.Exists(message.Path), Is.False);
        Assert.That(await _store.OpenAsync("1001", "4826"), Is.Empty);
        Assert.That(_changes, Is.EqualTo(new[] { "1001", "1001", "1001" }), "left, saved, deleted");
    }

    [Test]
    public async Task Counts_survive_a_restart()
    {
        await LeaveAsync("1001", TimeSpan.FromSeconds(2), amplitude: 8000);
        var restarted = new VoicemailStore(_repository, Path.Combine(_temp.Path, "voicemail"), _ => true, _ => null, new FakeTimeProvider(Now),
            NullLogger<VoicemailStore>.Instance);

        await restarted.LoadAsync();

        Assert.That(restarted.TryGetSummary("1001", out var summary) ? summary : default, Is.EqualTo(new MessageSummary(1, 0)));
    }

    private static VoicemailCaller Caller() => new("call-1", "60123456789", "Ali", Now);

    /// <summary>What the flow does: start a message, record a tone (or silence) into its file, finish it.</summary>
    private async Task<VoicemailMessage> LeaveAsync(string box, TimeSpan length, short amplitude)
    {
        var message = await _store.StartMessageAsync(box, Caller());
        Assert.That(message, Is.Not.Null);
        Directory.CreateDirectory(Path.GetDirectoryName(message!.Path)!);
        using (var writer = new WavWriter(message.Path, 8000, channels: 1))
        {
            var samples = new short[(int)(length.TotalSeconds * 8000)];
            for (var i = 0; i < samples.Length; i++) samples[i] = (short)(amplitude * Math.Sin(2 * Math.PI * 440 * i / 8000));
            writer.Write(samples);
        }

        await _store.FinishMessageAsync(message, new RecordResult(RecordOutcome.StoppedByKey, length, '#'));
        return message;
    }
}
