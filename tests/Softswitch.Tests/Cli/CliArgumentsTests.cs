using Softswitch.Cli;
using Softswitch.Configuration;

namespace Softswitch.Tests.Cli;

public sealed class CliArgumentsTests
{
    [Test]
    public void No_arguments_means_run_with_the_default_file()
    {
        var parsed = CliArguments.Parse([]);

        Assert.That(parsed, Is.EqualTo(new CliArguments(CliCommand.Run, null, [], null)).Using<CliArguments>(SameParse));
    }

    [Test]
    public void Check_config_with_file_and_overrides_in_both_spellings()
    {
        var parsed = CliArguments.Parse(["check-config", "--config", "my.yaml", "--sip:port=5070", "--http:port", "9090"]);

        Assert.That(parsed.Error, Is.Null);
        Assert.That(parsed.Command, Is.EqualTo(CliCommand.CheckConfig));
        Assert.That(parsed.ConfigPath, Is.EqualTo("my.yaml"));
        Assert.That(parsed.Overrides, Is.EqualTo(new[]
        {
            new ConfigOverride("sip:port", "5070", "command line argument --sip:port=5070"),
            new ConfigOverride("http:port", "9090", "command line argument --http:port 9090"),
        }));
    }

    [TestCase("--help")]
    [TestCase("-h")]
    [TestCase("help")]
    public void Help_is_recognised(string arg) =>
        Assert.That(CliArguments.Parse([arg]).Command, Is.EqualTo(CliCommand.Help));

    [TestCase("--version")]
    [TestCase("--version", "--config", "x.yaml")]
    public void Version_is_recognised(params string[] args) =>
        Assert.That(CliArguments.Parse(args).Command, Is.EqualTo(CliCommand.Version));

    [Test]
    public void Security_commands_take_their_address_and_the_config_option()
    {
        var bans = CliArguments.Parse(["security", "bans", "--config", "x.yaml"]);
        var unban = CliArguments.Parse(["security", "unban", "192.0.2.7", "--config", "x.yaml"]);

        Assert.Multiple(() =>
        {
            Assert.That((bans.Command, bans.ConfigPath, bans.Error), Is.EqualTo((CliCommand.SecurityBans, "x.yaml", (string?)null)));
            Assert.That((unban.Command, unban.Address, unban.ConfigPath, unban.Error),
                Is.EqualTo((CliCommand.SecurityUnban, "192.0.2.7", "x.yaml", (string?)null)));
        });
    }

    [TestCase(new[] { "security" }, "security needs 'bans' or 'unban ADDRESS'")]
    [TestCase(new[] { "security", "unban" }, "security unban needs an ADDRESS")]
    [TestCase(new[] { "start" }, "unknown command 'start'")]
    [TestCase(new[] { "run", "extra" }, "unexpected argument 'extra'")]
    [TestCase(new[] { "--config" }, "--config needs a file name")]
    [TestCase(new[] { "--verbose" }, "unknown option '--verbose' (configuration keys look like --section:key=value)")]
    [TestCase(new[] { "--sip:port" }, "--sip:port needs a value (--sip:port=VALUE)")]
    public void Unusable_arguments_are_explained(string[] args, string error) =>
        Assert.That(CliArguments.Parse(args).Error, Is.EqualTo(error));

    private static bool SameParse(CliArguments a, CliArguments b) =>
        a.Command == b.Command && a.ConfigPath == b.ConfigPath && a.Error == b.Error && a.Overrides.SequenceEqual(b.Overrides);

    [Test]
    public void Calls_export_takes_since_until_and_csv_in_any_order()
    {
        var parsed = CliArguments.Parse(["calls", "export", "--csv", "--until=2026-12-07", "--since", "2026-12-06T08:30:00+08:00", "--config", "x.yaml"]);

        Assert.That(parsed.Error, Is.Null);
        Assert.That((parsed.Command, parsed.Since, parsed.Until, parsed.Csv, parsed.ConfigPath),
            Is.EqualTo((CliCommand.CallsExport, "2026-12-06T08:30:00+08:00", "2026-12-07", true, "x.yaml")));
    }

    [TestCase(new[] { "calls", "export" }, "calls export needs --since DATE")]
    [TestCase(new[] { "calls" }, "calls needs 'export --since DATE'")]
    [TestCase(new[] { "calls", "export", "--since", "2026-12-06", "--csv=yes" }, "--csv takes no value")]
    [TestCase(new[] { "calls", "export", "--since" }, "--since needs a DATE")]
    [TestCase(new[] { "check-config", "--since", "2026-12-06" }, "unknown option '--since'")]
    public void Calls_export_refuses_what_it_cannot_use(string[] args, string error) =>
        Assert.That(CliArguments.Parse(args).Error, Does.StartWith(error));
}
