using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Softswitch.Configuration;
using Softswitch.Configuration.Options;
using Softswitch.Configuration.Validation;
using Softswitch.Extensions;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class SoftswitchSettingsTests
{
    [Test]
    public void Valid_reload_replaces_options_and_the_extension_directory_follows()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);
        var changes = new List<SoftswitchOptions>();
        using var subscription = fixture.Settings.OnChange((o, _) => changes.Add(o));

        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(21, "    password: rotated").Replace("\"1002\"", "\"1003\"", StringComparison.Ordinal));
        fixture.Root.Reload();

        Assert.That(fixture.Settings.CurrentValue.Extensions[0].Password, Is.EqualTo("rotated"));
        Assert.That(changes, Has.Count.EqualTo(1));
        Assert.That(fixture.Directory.TryGet("1001", out var alice), Is.True);
        Assert.That(alice!.Password, Is.EqualTo("rotated"));
        Assert.That(fixture.Directory.TryGet("1002", out _), Is.False);
        Assert.That(fixture.Directory.TryGet("1003", out _), Is.True);
        Assert.That(fixture.Settings.RejectedReloads, Is.EqualTo(0));
    }

    [Test]
    public void Broken_yaml_reload_is_rejected_with_its_position_logged_and_old_snapshot_kept()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);

        folder.Write("softswitch.yaml", "extensions:\n  - number: \"1001\"\n    password: [oops\n");
        fixture.Root.Reload();

        Assert.That(fixture.Settings.RejectedReloads, Is.EqualTo(1));
        Assert.That(fixture.Directory.TryGet("1001", out var alice), Is.True);
        Assert.That(alice!.Password, Is.EqualTo("s3cret-one"));
        Assert.That(fixture.Directory.All, Has.Count.EqualTo(2));
        Assert.That(fixture.Log.Errors, Has.Some.Match(@"^Configuration problem: softswitch\.yaml:\d+:\d+: "));
    }

    [Test]
    public void Reload_that_fails_validation_is_rejected_and_old_snapshot_kept()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);

        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(22, "  - number: \"1001\""));
        fixture.Root.Reload();

        Assert.That(fixture.Settings.RejectedReloads, Is.EqualTo(1));
        Assert.That(fixture.Directory.TryGet("1002", out _), Is.True);
        Assert.That(fixture.Log.Errors, Does.Contain("Configuration problem: softswitch.yaml:22:13: extensions[1].number: 1001 is already used by extensions[0]"));
    }

    [Test]
    public void Deleted_file_is_rejected_and_old_snapshot_kept()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);

        File.Delete(Path.Combine(folder.Path, "softswitch.yaml"));
        fixture.Root.Reload();

        Assert.That(fixture.Settings.RejectedReloads, Is.EqualTo(1));
        Assert.That(fixture.Directory.All, Has.Count.EqualTo(2));
    }

    [Test]
    public void Unchanged_file_does_not_notify_or_log_twice()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);
        var calls = 0;
        using var subscription = fixture.Settings.OnChange((_, _) => calls++);

        fixture.Root.Reload();
        folder.Write("softswitch.yaml", "sip: [broken\n");
        fixture.Root.Reload();
        fixture.Root.Reload();

        Assert.That(calls, Is.EqualTo(0));
        Assert.That(fixture.Settings.RejectedReloads, Is.EqualTo(1));
    }

    [Test]
    public void Listener_that_throws_does_not_stop_the_others()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);
        using var faulty = fixture.Settings.OnChange((_, _) => throw new InvalidOperationException("boom"));
        var called = false;
        using var healthy = fixture.Settings.OnChange((_, _) => called = true);

        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(3, "  port: 5070"));
        fixture.Root.Reload();

        Assert.That(called, Is.True);
        Assert.That(fixture.Log.Errors, Does.Contain("A configuration change listener failed"));
    }

    [Test]
    public void Disposed_listener_is_not_called()
    {
        using var folder = new TempFolder();
        using var fixture = Start(folder);
        var calls = 0;
        var subscription = fixture.Settings.OnChange((_, _) => calls++);

        subscription.Dispose();
        folder.Write("softswitch.yaml", ConfigFixture.ValidWithLine(3, "  port: 5070"));
        fixture.Root.Reload();

        Assert.That(calls, Is.EqualTo(0));
    }

    private static Fixture Start(TempFolder folder)
    {
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, ConfigFixture.Valid);
        var initial = ConfigValidator.Validate(root);
        var log = new ListLogger<SoftswitchSettings>();
        var settings = new SoftswitchSettings(root, initial.Options!, log);
        return new Fixture(root, settings, new ExtensionDirectory(settings), log);
    }

    private sealed record Fixture(ConfigurationRoot Root, SoftswitchSettings Settings, ExtensionDirectory Directory, ListLogger<SoftswitchSettings> Log) : IDisposable
    {
        public void Dispose()
        {
            Directory.Dispose();
            Settings.Dispose();
            Root.Dispose();
        }
    }
}
