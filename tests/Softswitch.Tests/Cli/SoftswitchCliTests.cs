using System.Collections;
using Softswitch.Cli;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

public sealed class SoftswitchCliTests
{
    [Test]
    public async Task Check_config_on_the_shipped_demo_file_passes_with_demo_password_warnings()
    {
        // Run from the repository root, as the README does: sounds/ and ivr-flows/ resolve against it.
        var shipped = ConfigFixture.ShippedConfigPath();
        var (code, output, error) = await RunAsync(["check-config", "--config", shipped], Path.GetDirectoryName(Path.GetDirectoryName(shipped)));

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.EndWith("configuration OK (5 warnings)\n"));
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(5));
        Assert.That(lines, Has.All.Match(@"softswitch\.yaml:\d+:15: warning: extensions\[\d\]\.password: extension 100\d still uses the shipped demo password"));
    }

    [Test]
    public async Task Check_config_finds_the_default_file_in_the_current_directory()
    {
        using var folder = new TempFolder();
        folder.Write("configs/softswitch.yaml", ConfigFixture.Valid);

        var (code, output, error) = await RunAsync(["check-config"], folder.Path);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Is.EqualTo("configs/softswitch.yaml: configuration OK\n"));
        Assert.That(error, Is.Empty);
    }

    [Test]
    public async Task Check_config_prints_each_problem_and_exits_1()
    {
        using var folder = new TempFolder();
        folder.Write("bad.yaml", ConfigFixture.ValidWithLine(3, "  port: 70000").Replace("  port_min: 10000", "  port_min: 10001", StringComparison.Ordinal));

        var (code, output, error) = await RunAsync(["check-config", "--config", "bad.yaml"], folder.Path);

        Assert.That(code, Is.EqualTo(SoftswitchCli.ConfigurationError));
        Assert.That(output, Is.Empty);
        Assert.That(error.Split('\n', StringSplitOptions.RemoveEmptyEntries), Is.EqualTo(new[]
        {
            "bad.yaml:3:9: sip.port: 70000 is not a port (1-65535)",
            "bad.yaml:13:13: rtp.port_min: 10001 must be even: RTP takes even ports and RTCP the odd one above (RFC 3550 §11)",
            "softswitch: bad.yaml: 2 problems found",
        }));
    }

    [Test]
    public async Task Check_config_reports_yaml_syntax_errors_with_position()
    {
        using var folder = new TempFolder();
        folder.Write("broken.yaml", "sip:\n  port: 5060\n  domain: \"unterminated\n");

        var (code, _, error) = await RunAsync(["check-config", "--config", "broken.yaml"], folder.Path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Match(@"^broken\.yaml:\d+:\d+: \S"));
    }

    [Test]
    public async Task Environment_and_command_line_overrides_are_validated_too()
    {
        using var folder = new TempFolder();
        folder.Write("ok.yaml", ConfigFixture.Valid);
        var environment = new Hashtable { ["SOFTSWITCH_sip__t2_ms"] = "100" };

        var (code, _, error) = await RunAsync(["check-config", "--config", "ok.yaml", "--http:listen=nowhere"], folder.Path, environment);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.Contain("environment variable SOFTSWITCH_sip__t2_ms: sip.t2_ms: t2_ms (100) must be greater than t1_ms (500)"));
        Assert.That(error, Does.Contain("command line argument --http:listen=nowhere: http.listen: 'nowhere' is not an IP address"));
    }

    [Test]
    public async Task Missing_file_exits_1_with_a_message()
    {
        using var folder = new TempFolder();

        var (code, _, error) = await RunAsync(["check-config", "--config", "absent.yaml"], folder.Path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Is.EqualTo("softswitch: absent.yaml: configuration file not found\n"));
    }

    [Test]
    public async Task Bad_arguments_exit_2_and_point_to_help()
    {
        var (code, _, error) = await RunAsync(["frobnicate"]);

        Assert.That(code, Is.EqualTo(SoftswitchCli.UsageError));
        Assert.That(error, Does.Contain("unknown command 'frobnicate'").And.Contain("softswitch --help"));
    }

    [Test]
    public async Task Help_prints_usage_and_exits_0()
    {
        var (code, output, _) = await RunAsync(["--help"]);

        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("softswitch check-config [--config FILE]").And.Contain("SOFTSWITCH_sip__port"));
    }

    [Test]
    public async Task Run_refuses_an_invalid_configuration_before_starting()
    {
        using var folder = new TempFolder();
        folder.Write("configs/softswitch.yaml", ConfigFixture.ValidWithLine(3, "  port: -1"));

        var (code, _, error) = await RunAsync(["run"], folder.Path);

        Assert.That(code, Is.EqualTo(1));
        Assert.That(error, Does.StartWith("configs/softswitch.yaml:3:9: sip.port: -1 is not a port (1-65535)"));
        Assert.That(Directory.Exists(Path.Combine(folder.Path, "data")), Is.False, "nothing was created");
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string? currentDirectory = null, IDictionary? environment = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = await SoftswitchCli.RunAsync(args, output, error, environment ?? new Hashtable(), currentDirectory ?? Directory.GetCurrentDirectory());
        return (code, output.ToString(), error.ToString());
    }
}
