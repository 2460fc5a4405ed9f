using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Storage.Bindings;
using Softswitch.Storage.Migrations;

namespace Softswitch.Storage.Tests;

public sealed class BindingRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    internal static StoredBinding Sample(string extension, string key, DateTimeOffset expiresAt, long cseq = 1) =>
        new(extension, key, $"<{key}>;ob", expiresAt, $"call-{extension}", cseq, "udp", "192.0.2.7:5062", "Linphone/5.2",
            null, null, Now.AddHours(-2), Now.AddMinutes(-5));

    [Test]
    public async Task A_binding_round_trips_with_every_field()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var stored = new StoredBinding("1001", "instance:urn:uuid:00000000-0000-1000-8000-000a95a0e128;reg-id=1",
            "sip:1001@10.0.0.5:40123;transport=tcp", Now.AddSeconds(600), "abc@10.0.0.5", 4_000_000_000, "tcp", "[2001:db8::5]:40123",
            "Zoiper 5", "<urn:uuid:00000000-0000-1000-8000-000a95a0e128>", 1, Now.AddDays(-1), Now.AddSeconds(-30));

        await repository.ApplyAsync([new BindingWrite(stored, Delete: false)]);

        Assert.That(await repository.TakeLiveAsync(Now), Is.EqualTo(new[] { stored }));
    }

    [Test]
    public async Task A_refresh_replaces_the_row_and_a_later_delete_removes_it()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var first = Sample("1001", "sip:1001@192.0.2.7:5062", Now.AddSeconds(60), cseq: 1);
        var refreshed = first with { ExpiresAt = Now.AddSeconds(3600), CSeq = 2 };
        var other = Sample("1002", "sip:1002@192.0.2.8:5062", Now.AddSeconds(60));

        await repository.ApplyAsync([new BindingWrite(first, false), new BindingWrite(other, false), new BindingWrite(refreshed, false)]);
        Assert.That(await repository.TakeLiveAsync(Now), Is.EqualTo(new[] { refreshed, other }));

        await repository.ApplyAsync([new BindingWrite(first, Delete: true)]);
        Assert.That(await repository.TakeLiveAsync(Now), Is.EqualTo(new[] { other }));
    }

    [Test]
    public async Task Expired_bindings_are_deleted_and_not_returned()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var live = Sample("1001", "sip:1001@192.0.2.7:5062", Now.AddMilliseconds(1));
        var expired = Sample("1002", "sip:1002@192.0.2.8:5062", Now);

        await repository.ApplyAsync([new BindingWrite(live, false), new BindingWrite(expired, false)]);

        Assert.That(await repository.TakeLiveAsync(Now), Is.EqualTo(new[] { live }));
        Assert.That(await repository.TakeLiveAsync(Now.AddSeconds(1)), Is.Empty, "the rows are gone, not just hidden");
    }

    [Test]
    public async Task The_writer_applies_writes_in_order_and_flushes_on_dispose()
    {
        using var temp = new TempFolder();
        var repository = await CreateAsync(temp);
        var writer = new BackgroundBatchWriter<BindingWrite>(writes => repository.ApplyAsync(writes), "binding writes", NullLogger.Instance, capacity: 1000);
        for (var i = 0; i < 500; i++)
        {
            var binding = Sample("1001", $"sip:1001@192.0.2.7:{5000 + i % 10}", Now.AddSeconds(600), cseq: i);
            Assert.That(writer.TryEnqueue(new BindingWrite(binding, Delete: i % 10 == 3 && i > 400)), Is.True);
        }

        await writer.DisposeAsync();

        var rows = await repository.TakeLiveAsync(Now);
        Assert.That(writer.WrittenCount, Is.EqualTo(500));
        Assert.That(rows.Select(r => r.BindingKey), Has.None.EqualTo("sip:1001@192.0.2.7:5003"), "deleted by the last write of that key");
        Assert.That(rows, Has.Count.EqualTo(9));
        Assert.That(rows.Select(r => r.CSeq), Is.All.GreaterThanOrEqualTo(490), "each row holds the last write of its key");
    }

    internal static async Task<BindingRepository> CreateAsync(TempFolder temp)
    {
        var database = new SqliteDatabase(temp.File("bindings.db"));
        await new MigrationRunner(database).MigrateAsync();
        return new BindingRepository(database);
    }
}
