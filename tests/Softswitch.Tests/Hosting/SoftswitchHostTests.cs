using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Softswitch.Configuration.Options;
using Softswitch.Configuration.Validation;
using Softswitch.Extensions;
using Softswitch.Hosting;
using Softswitch.Storage.Registrations;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Hosting;

public sealed class SoftswitchHostTests
{
    [Test, Description("Issue 8, finding 15: a port taken after the command line's check still gives one line, no stack trace")]
    public async Task A_sip_port_taken_when_the_host_starts_is_one_line_on_stderr_and_exit_code_1()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.OnFreePort(ConfigFixture.Valid, out int port) + "\nstorage:\n  database: db/test.db\n  recordings: rec";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);
        var validation = ConfigValidator.Validate(root);
        using var taken = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        taken.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, port));
        var stderr = new StringWriter();
        var original = Console.Error;
        Console.SetError(stderr);
        int code;
        try
        {
            code = await SoftswitchHost.RunAsync(new SoftswitchStartup(root, validation, "softswitch.yaml", folder.Path));
        }
        finally
        {
            Console.SetError(original);
        }

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1));
            Assert.That(stderr.ToString().TrimEnd(), Is.EqualTo($"sip.port {port} on 127.0.0.1 is already in use"));
        });
    }

    [Test]
    public async Task Host_migrates_storage_serves_extensions_and_flushes_events_on_stop()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.OnFreePort(ConfigFixture.Valid, out int port) + "\nlogging:\n  level: debug\n  file: logs/test-.log\nstorage:\n  database: db/test.db\n  recordings: rec";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);
        var validation = ConfigValidator.Validate(root);
        Assert.That(validation.IsValid, Is.True);
        using var stop = new CancellationTokenSource();
        Extension? seen = null;
        var events = Enumerable.Range(0, 50)
            .Select(i => new RegistrationEvent(DateTimeOffset.UnixEpoch.AddSeconds(i), "1001", null, "127.0.0.1:5062", "udp", null, RegistrationOutcome.Registered, $"c{i}", null))
            .ToList();

        var code = await SoftswitchHost.RunAsync(
            new SoftswitchStartup(root, validation, "softswitch.yaml", folder.Path),
            stop.Token,
            services =>
            {
                services.GetRequiredService<IExtensionDirectory>().TryGet("1001", out seen);
                Assert.That(services.GetRequiredService<IOptionsMonitor<SoftswitchOptions>>().CurrentValue.Sip.Port, Is.EqualTo(port));
                var writer = services.GetRequiredService<RegistrationEventWriter>();
                events.ForEach(e => writer.TryEnqueue(e));
                stop.Cancel(); // as SIGTERM would, straight after queueing
            });
        root.Dispose();

        Assert.That(code, Is.EqualTo(0));
        Assert.That(seen?.Password, Is.EqualTo("s3cret-one"));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "rec")), Is.True);
        var database = Path.Combine(folder.Path, "db", "test.db");
        await using (var connection = new SqliteConnection($"Data Source={database};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT (SELECT count(*) FROM registration_events) || '/' || (SELECT max(version) FROM schema_version)";
            Assert.That(await command.ExecuteScalarAsync(), Is.EqualTo($"50/{Softswitch.Storage.Migrations.SchemaMigrations.All.Max(m => m.Version)}"));
        }

        var log = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(folder.Path, "logs")).Single());
        Assert.That(log, Does.Contain($"Softswitch started: config softswitch.yaml, SIP 127.0.0.1:{port} (udp+tcp), database " + database));
        Assert.That(log, Does.Contain("Softswitch stopped"));
    }

    [Test]
    public async Task The_container_composes_one_registry_one_binding_store_and_folders_resolved_like_the_database()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.OnFreePort(ConfigFixture.Valid, out _) + "\nstorage:\n  database: db/test.db\n  recordings: rec\nivr:\n  sounds: voice";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);
        using var stop = new CancellationTokenSource();
        Softswitch.Calls.CallServiceSettings? calls = null;
        bool sameStore = false, sameRegistry = false;

        var code = await SoftswitchHost.RunAsync(new SoftswitchStartup(root, ConfigValidator.Validate(root), "softswitch.yaml", folder.Path), stop.Token,
            services =>
            {
                calls = services.GetRequiredService<Softswitch.Calls.CallServiceSettings>();
                sameStore = ReferenceEquals(services.GetRequiredService<Softswitch.Sip.Registrar.SipRegistrar>().Store,
                    services.GetRequiredService<Softswitch.Sip.Registrar.BindingStore>());
                sameRegistry = ReferenceEquals(services.GetRequiredService<Softswitch.Calls.Signalling.CallServices>().Active,
                    services.GetRequiredService<Softswitch.Calls.Legs.CallRegistry>());
                stop.Cancel();
            });
        root.Dispose();

        Assert.That(code, Is.EqualTo(0));
        Assert.That((sameStore, sameRegistry), Is.EqualTo((true, true)), "the API reads the registrar's and the calls' own state");
        Assert.That(calls!.RecordingsFolder, Is.EqualTo(Path.Combine(folder.Path, "rec")), "not the test's working directory");
        Assert.That(calls.SoundsFolder, Is.EqualTo(Path.Combine(folder.Path, "voice")));
    }

    [Test]
    public async Task Start_up_failure_exits_1_and_logs_why()
    {
        using var folder = new TempFolder();
        // A folder where the database file should be: SQLite cannot open it.
        Directory.CreateDirectory(Path.Combine(folder.Path, "db", "test.db"));
        var yaml = ConfigFixture.OnFreePort(ConfigFixture.Valid, out _) + "\nlogging:\n  file: logs/test-.log\nstorage:\n  database: db/test.db";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);

        var code = await SoftswitchHost.RunAsync(new SoftswitchStartup(root, ConfigValidator.Validate(root), "softswitch.yaml", folder.Path));
        root.Dispose();

        Assert.That(code, Is.EqualTo(1));
        var log = await File.ReadAllTextAsync(Directory.GetFiles(Path.Combine(folder.Path, "logs")).Single());
        Assert.That(log, Does.Contain("[FTL]").And.Contain("could not start"));
    }

    [Test]
    public async Task Demo_passwords_are_logged_as_one_warning_per_extension()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.OnFreePort(ConfigFixture.ValidWithLine(21, "    password: change-me-1001"), out _)
            .Replace("s3cret-two", "change-me-1002", StringComparison.Ordinal)
            + "\nlogging:\n  file: logs/test-.log\nstorage:\n  database: test.db";
        var root = (ConfigurationRoot)ConfigFixture.Build(folder, yaml);
        using var stop = new CancellationTokenSource();

        var code = await SoftswitchHost.RunAsync(new SoftswitchStartup(root, ConfigValidator.Validate(root), "softswitch.yaml", folder.Path), stop.Token, _ => stop.Cancel());
        root.Dispose();

        Assert.That(code, Is.EqualTo(0));
        var warnings = (await File.ReadAllLinesAsync(Directory.GetFiles(Path.Combine(folder.Path, "logs")).Single()))
            .Where(line => line.Contains("[WRN]", StringComparison.Ordinal)).ToList();
        Assert.That(warnings, Has.Count.EqualTo(2));
        Assert.That(warnings[0], Does.Contain("softswitch.yaml:21:15: extensions[0].password: extension 1001 still uses the shipped demo password"));
        Assert.That(warnings[1], Does.Contain("extension 1002 still uses the shipped demo password"));
    }
}
