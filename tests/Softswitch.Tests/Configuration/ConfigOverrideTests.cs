using System.Collections;
using Softswitch.Configuration;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class ConfigOverrideTests
{
    [Test]
    public void Environment_variables_with_the_prefix_become_keys()
    {
        var variables = new Hashtable
        {
            ["SOFTSWITCH_sip__port"] = "5070",
            ["SOFTSWITCH_EXTENSIONS__0__PASSWORD"] = "x",
            ["PATH"] = "/usr/bin",
            ["SOFTSWITCH_"] = "ignored",
        };

        var overrides = SoftswitchConfiguration.FromEnvironment(variables);

        Assert.That(overrides, Is.EqualTo(new[]
        {
            new ConfigOverride("EXTENSIONS:0:PASSWORD", "x", "environment variable SOFTSWITCH_EXTENSIONS__0__PASSWORD"),
            new ConfigOverride("sip:port", "5070", "environment variable SOFTSWITCH_sip__port"),
        }));
    }

    [Test]
    public void Command_line_overrides_environment_which_overrides_the_file()
    {
        using var folder = new TempFolder();
        var environment = SoftswitchConfiguration.FromEnvironment(new Hashtable { ["SOFTSWITCH_sip__port"] = "5070", ["SOFTSWITCH_http__port"] = "9090" });
        var commandLine = new[] { new ConfigOverride("sip:port", "5080", "command line argument --sip:port=5080") };

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, environment, commandLine);

        Assert.That(result.Options!.Sip.Port, Is.EqualTo(5080));
        Assert.That(result.Options.Http.Port, Is.EqualTo(9090));
        Assert.That(result.Options.Rtp.PortMax, Is.EqualTo(20000));
    }

    [Test]
    public void Uppercase_environment_names_match_snake_case_keys()
    {
        using var folder = new TempFolder();
        var environment = SoftswitchConfiguration.FromEnvironment(new Hashtable { ["SOFTSWITCH_SIP__PUBLIC_ADDRESS"] = "203.0.113.10" });

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, environment);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Options!.Sip.PublicAddress, Is.EqualTo("203.0.113.10"));
    }

    [Test]
    public void Bad_environment_value_names_the_variable()
    {
        using var folder = new TempFolder();
        var environment = SoftswitchConfiguration.FromEnvironment(new Hashtable { ["SOFTSWITCH_sip__port"] = "70000" });

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, environment);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "environment variable SOFTSWITCH_sip__port: sip.port: 70000 is not a port (1-65535)" }));
    }

    [Test]
    public void Bad_command_line_key_names_the_argument()
    {
        using var folder = new TempFolder();
        var commandLine = new[] { new ConfigOverride("sip:prot", "5070", "command line argument --sip:prot=5070") };

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, commandLine: commandLine);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "command line argument --sip:prot=5070: sip.prot: unknown key in sip (did you mean 'port'?)" }));
    }

    [Test]
    public void Command_line_value_overriding_a_file_value_is_blamed_on_the_command_line()
    {
        using var folder = new TempFolder();
        var commandLine = new[] { new ConfigOverride("rtp:port_min", "10001", "command line argument --rtp:port_min=10001") };

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, commandLine: commandLine);

        Assert.That(result.Problems.Single().File, Is.EqualTo("command line argument --rtp:port_min=10001"));
        Assert.That(result.Problems.Single().Line, Is.EqualTo(0));
    }

    [TestCase("-1", true)]
    [TestCase("60001", true)]
    [TestCase("0", false)]
    [TestCase("2000", false)]
    public void Relatch_time_is_checked_against_its_range(string value, bool isProblem)
    {
        using var folder = new TempFolder();
        var commandLine = new[] { new ConfigOverride("rtp:relatch_after_ms", value, $"command line argument --rtp:relatch_after_ms={value}") };

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, commandLine: commandLine);

        Assert.That(result.Problems.Select(p => p.Key), isProblem ? Is.EqualTo(new[] { "rtp.relatch_after_ms" }) : Is.Empty);
        Assert.That(result.Options?.Rtp.RelatchAfterMs, Is.EqualTo(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Extension_added_on_the_command_line_without_password_is_reported_there()
    {
        using var folder = new TempFolder();
        var commandLine = new[] { new ConfigOverride("extensions:5:number", "1009", "command line argument --extensions:5:number=1009") };

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid, commandLine: commandLine);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "command line argument --extensions:5:number=1009: extensions[5].password: extension 1009 has no password",
        }));
    }
}
