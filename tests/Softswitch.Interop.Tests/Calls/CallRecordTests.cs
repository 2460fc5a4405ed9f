using System.Diagnostics;
using System.Globalization;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, call records: each call leaves a row in <c>calls</c> when it ends, committed at once (a process killed a
/// second later still has it) and flushed on SIGTERM; <c>softswitch calls export</c> prints it.
/// </summary>
[TestFixture]
public sealed class CallRecordTests
{
    private static readonly TimeSpan s_rowTimeout = TimeSpan.FromSeconds(5);

    [Test, Description("sipp calls *43 with RFC 4733 digits (PCMU) and hangs up: the row says who, what, when and the media")]
    public async Task An_echo_call_from_sipp_leaves_its_row_and_calls_export_prints_it_as_csv()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_dtmf needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        var before = DateTimeOffset.UtcNow;

        var call = await EchoCallAsync(softswitch);

        Assert.That(call.ExitCode, Is.EqualTo(0), () => call + "\n" + softswitch.Output);
        var row = await CallRows.WaitForFirstAsync(softswitch.DatabasePath, s_rowTimeout);
        Assert.That(row, Is.Not.Null, () => "no row in calls:\n" + softswitch.Output);
        Assert.Multiple(() =>
        {
            Assert.That((row!.Caller, row.Dialled, row.Callee), Is.EqualTo(("1001", "*43", "echo")));
            Assert.That((row.SourceKind, row.Source, row.RouteTarget), Is.EqualTo(("extension", "1001", "echo")));
            Assert.That(row.AnsweredAt, Is.Not.Null, "answered");
            Assert.That(Parse(row.StartedAt), Is.GreaterThanOrEqualTo(before.AddSeconds(-1)));
            Assert.That(row.BillableSeconds, Is.GreaterThan(0));
            Assert.That(row.DurationSeconds, Is.GreaterThan(2), "the scenario stays 3 s in the call");
            Assert.That((row.HangupCause, row.HangupSide), Is.EqualTo(("normal", "caller")));
            Assert.That(row.CallerCodec, Is.EqualTo("PCMU"));
            Assert.That(row.CallerPacketsReceived, Is.GreaterThan(0), "sipp's telephone-events");
            Assert.That(row.CallerPacketsSent, Is.GreaterThan(0), "echoed back");
        });

        var export = await CliAsync(softswitch, "calls", "export", "--since", before.UtcDateTime.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--csv");

        Assert.That(export.ExitCode, Is.EqualTo(0), export.ToString());
        // Tool reads the output line by line, so CRLF arrives as line breaks (the CLI tests check the CRLF itself).
        var lines = export.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.That(lines, Has.Length.EqualTo(2), export.StandardOutput);
        Assert.That(lines[0], Does.StartWith("id,call_uuid,call_id,caller,"));
        Assert.That(lines[1], Does.StartWith($"1,{row!.CallUuid},{row.CallId},1001,Interop One,*43,echo,extension,1001,echo,*43,{row.StartedAt},{row.AnsweredAt},{row.EndedAt},"));
    }

    [Test, Description("SIGTERM during a call: the drain hangs it up and its row is written before the process exits")]
    public async Task A_call_hung_up_by_the_shutdown_is_in_the_table_after_the_process_exits()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml, "--limits:shutdown_grace_seconds=0");
        var held = Sipp.RunAsync(softswitch, "echo-wait-for-bye.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
            "-m", "1", "-mp", FreePort.ForUdp().ToString(CultureInfo.InvariantCulture));
        await WaitForOutputAsync(softswitch, "echo answered");

        Posix.Terminate(softswitch.ProcessId);
        var exitCode = await softswitch.WaitForExitAsync(TimeSpan.FromSeconds(20));

        Assert.That(exitCode, Is.EqualTo(0), softswitch.Output);
        Assert.That((await held).ExitCode, Is.EqualTo(0), "sipp received the switch's BYE");
        var rows = await CallRows.ReadAsync(softswitch.DatabasePath);
        Assert.That(rows.Select(r => (r.Dialled, r.HangupCause, r.HangupSide)), Is.EqualTo(new[] { ("*43", "shutdown", "switch") }), softswitch.Output);
        Assert.That(rows[0].AnsweredAt, Is.Not.Null);
    }

    [Test, Description("Durable: a finished call's row is committed within moments, so kill -9 a second later loses nothing")]
    public async Task A_row_is_committed_before_a_kill_9_one_second_after_the_call_ended()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_dtmf needs raw sockets (CI runs as root)");
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        var call = await EchoCallAsync(softswitch);
        Assert.That(call.ExitCode, Is.EqualTo(0), () => call + "\n" + softswitch.Output);
        await Task.Delay(TimeSpan.FromSeconds(1));

        // SIGKILL: no shutdown, no flush, no checkpoint; only what was committed to the WAL survives.
        using (var process = Process.GetProcessById(softswitch.ProcessId)) process.Kill();
        await softswitch.WaitForExitAsync(TimeSpan.FromSeconds(10));

        var export = await CliAsync(softswitch, "calls", "export", "--since", DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Assert.That(export.ExitCode, Is.EqualTo(0), export.ToString());
        var lines = export.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(1), () => export + "\n" + softswitch.Output);
        Assert.That(lines[0], Does.Contain("\"dialled\":\"*43\"").And.Contain("\"hangup_side\":\"caller\""));
    }

    /// <summary>*43 as 1001: answered, RFC 4733 digits 1 2 3 # (PCMU call), BYE 3 s after the answer.</summary>
    private static Task<ToolResult> EchoCallAsync(SoftswitchProcess softswitch) =>
        Sipp.RunAsync(softswitch, "echo-dtmf-rfc4733.xml", TimeSpan.FromSeconds(30),
            "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}", "-m", "1",
            "-mp", FreePort.ForUdp().ToString(CultureInfo.InvariantCulture));

    /// <summary>The README's CLI on the switch's own configuration (and so its database).</summary>
    private static Task<ToolResult> CliAsync(SoftswitchProcess softswitch, params string[] arguments) =>
        Tool.RunAsync("dotnet", [SoftswitchProcess.Executable, .. arguments, "--config", softswitch.ConfigPath], TimeSpan.FromSeconds(30), softswitch.Folder);

    private static async Task WaitForOutputAsync(SoftswitchProcess softswitch, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!softswitch.Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"'{text}' never appeared:\n{softswitch.Output}");
            await Task.Delay(50);
        }
    }

    private static DateTimeOffset Parse(string stored) =>
        DateTimeOffset.ParseExact(stored, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
