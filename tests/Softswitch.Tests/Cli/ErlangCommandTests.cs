using System.Collections;
using Softswitch.Cli;

namespace Softswitch.Tests.Cli;

public sealed class ErlangCommandTests
{
    private static async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        // No configuration file anywhere: the command must not need one.
        var code = await SoftswitchCli.RunAsync(args, output, error, new Hashtable(), Path.GetTempPath());
        return (code, output.ToString(), error.ToString());
    }

    [Test]
    public async Task Prints_agents_needed_service_level_and_speed_of_answer()
    {
        var (code, output, error) = await RunAsync("erlang", "--calls-per-hour", "120", "--aht", "180", "--target", "80/20");

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(output, Does.StartWith(
            "traffic            6.00 Erlang (120 calls/h x 180 s)\n" +
            "agents needed      9 (target 80% answered within 20 s)\n" +
            "expected SL        86.0% answered within 20 s\n" +
            "ASA                11.8 s\n" +
            "probability wait   19.6%\n" +
            "occupancy          66.7%\n"));
        Assert.That(output, Does.Contain("8       71.4%    32.1 s     35.7%    75.0%\n"));
        Assert.That(output, Does.Contain("9       86.0%    11.8 s     19.6%    66.7%  <- needed\n"));
    }

    [Test]
    public async Task The_target_defaults_to_80_percent_in_20_seconds()
    {
        var (code, output, _) = await RunAsync("erlang", "--calls-per-hour=720", "--aht=240");
        Assert.That(code, Is.EqualTo(0));
        Assert.That(output, Does.Contain("traffic            48.00 Erlang").And.Contain("(target 80% answered within 20 s)"));
    }

    [TestCase(new[] { "erlang", "--aht", "180" }, "erlang needs --calls-per-hour N and --aht SECONDS")]
    [TestCase(new[] { "erlang", "--calls-per-hour", "-5", "--aht", "180" }, "--calls-per-hour '-5' is not a positive number")]
    [TestCase(new[] { "erlang", "--calls-per-hour", "120", "--aht", "soon" }, "--aht 'soon' is not a positive number of seconds")]
    [TestCase(new[] { "erlang", "--calls-per-hour", "120", "--aht", "180", "--target", "100/20" }, "--target '100/20' is not PERCENT/SECONDS")]
    [TestCase(new[] { "erlang", "--calls-per-hour", "120", "--aht", "180", "--target", "80" }, "--target '80' is not PERCENT/SECONDS")]
    public async Task Unusable_figures_are_refused_with_exit_code_2(string[] args, string message)
    {
        var (code, output, error) = await RunAsync(args);
        Assert.That(code, Is.EqualTo(SoftswitchCli.UsageError));
        Assert.That(error, Does.Contain(message));
        Assert.That(output, Is.Empty);
    }
}
