using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, what an attended transfer (RFC 5589 §7, RFC 3891) leaves behind on the real switch, sipp playing every
/// phone: 1001 calls 1002 (call 1); 1002 holds it, calls a third party (call 2) and REFERs call 1 there with Replaces
/// naming call 2. The busy lamps must follow the parties, and a carrier's call slot must follow the carrier's leg.
/// </summary>
[TestFixture]
public sealed partial class TransferAftermathTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(25);

    [Test, Description("RFC 4235: the transferor's lamp goes out at the transfer; the target's shows confirmed with the transferee")]
    public async Task After_an_attended_transfer_the_transferors_lamp_goes_out_and_the_targets_names_the_new_party()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, SoftswitchProcess.Extension1003);
        var folder = Directory.CreateTempSubdirectory("blf-transfer-").FullName;
        try
        {
            var transferorLog = Path.Combine(folder, "1002.log");
            var targetLog = Path.Combine(folder, "1003.log");
            var watchTransferor = Subscribe(softswitch, "subscribe-until-idle.xml", "1002", transferorLog);
            var watchTarget = Subscribe(softswitch, "subscribe-until-idle.xml", "1003", targetLog);
            await WaitForFirstNotifyAsync(transferorLog);
            await WaitForFirstNotifyAsync(targetLog);

            var target = await SippCallee.StartAsync(softswitch, "1003", SoftswitchProcess.Password1003, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));
            var transferor = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "transferor-attended.xml", Limit,
                ["-au", "1002", "-ap", SoftswitchProcess.Password1002, "-auth_uri", $"1003@127.0.0.1:{softswitch.Port}"],
                ("ANSWER_MS", "300"), ("TARGET", "1003"), ("SWITCH", $"127.0.0.1:{softswitch.Port}"));
            // 1001 stays on for 6 s after its answer; the transfer is done about 2 s in.
            var caller = SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "6000");

            var firstOut = await Task.WhenAny(watchTransferor, caller);
            var lastOut = await Task.WhenAny(watchTarget, caller);
            var (called, referred, answered) = (await caller, await transferor.Run, await target.Run);
            var (transferorSeen, targetSeen) = (await watchTransferor, await watchTarget);
            var log = $"caller: {called}\n1002: {referred}\n1003: {answered}\n1002's lamp: {transferorSeen}\n{Read(transferorLog)}\n"
                + $"1003's lamp: {targetSeen}\n{Read(targetLog)}\n{softswitch.Output}";
            Assert.That((called.ExitCode, referred.ExitCode, answered.ExitCode), Is.EqualTo((0, 0, 0)), "the transfer went through\n" + log);
            Assert.That((transferorSeen.ExitCode, targetSeen.ExitCode), Is.EqualTo((0, 0)), "both subscriptions ran to their end\n" + log);
            Assert.That(firstOut, Is.SameAs(watchTransferor), "1002's lamp went out while 1001 and 1003 were still talking, not when they hung up\n" + log);
            Assert.That(lastOut, Is.SameAs(caller), "1003's lamp stayed on until 1001 hung up (the subscriber stops at the first NOTIFY showing it free)\n" + log);

            var targetStates = Dialogs(Read(targetLog));
            var before = targetStates.FindIndex(d => d is ("confirmed", var remote) && remote.StartsWith("sip:1002@", StringComparison.Ordinal));
            var after = targetStates.FindIndex(d => d is ("confirmed", var remote) && remote.StartsWith("sip:1001@", StringComparison.Ordinal));
            Assert.That(before, Is.GreaterThanOrEqualTo(0), "1003 was first shown talking to 1002 (the consultation)\n" + log);
            Assert.That(after, Is.GreaterThan(before), "then talking to 1001, the party handed over to it\n" + log);

            var rows = await CallTable.WaitForAsync(softswitch, 2);
            Assert.That(rows.Select(row => (row["caller"], row["callee"], row["hangup_cause"])),
                Is.EquivalentTo(new[] { ("1001", "1003", "normal"), ("1002", "1003", "transferred") }), log);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test, Description("Issue 9: a trunk's max_calls counts a carrier leg that an attended transfer moved to another call, until that leg ends")]
    public async Task A_carrier_leg_handed_over_by_an_attended_transfer_keeps_its_trunk_slot_until_it_hangs_up()
    {
        const string outside = "0312345678";
        await using var carrier = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, Limit, "127.0.0.5");
        await using var softswitch = await SoftswitchProcess.StartAsync($"""
            trunks:
              - name: carrier1
                host: 127.0.0.5
                port: {carrier.Port}
                caller_id: "+60311112222"
                max_calls: 1
                options_interval_seconds: 0
            routes:
              - match: "0XXXXXXXXX"
                trunk: carrier1
            """, SoftswitchProcess.Extension1003);
        // 1002's consultation call goes out through the carrier (taking its only slot); 1002 then hands 1001 over to it.
        var transferor = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "transferor-attended.xml", Limit,
            ["-au", "1002", "-ap", SoftswitchProcess.Password1002, "-auth_uri", $"{outside}@127.0.0.1:{softswitch.Port}"],
            ("ANSWER_MS", "300"), ("TARGET", outside), ("SWITCH", $"127.0.0.1:{softswitch.Port}"));
        var caller = SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", Limit, null, "-m", "1", "-d", "6000");

        var referred = await transferor.Run;
        // The consultation call is over ("transferred"), but its carrier leg now talks to 1001: the slot is still taken.
        var refused = await SippCaller.CallAsync(softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", "503")), "1003", "0398765432",
            Limit, null, "-m", "1");
        var (called, answered) = (await caller, await carrier.Run);

        var log = $"caller: {called}\n1002: {referred}\n1003: {refused}\ncarrier: {answered}\n{softswitch.Output}";
        Assert.That((referred.ExitCode, called.ExitCode, answered.ExitCode), Is.EqualTo((0, 0, 0)),
            "1001 was handed over to the carrier, talked, hung up, and the carrier got the BYE\n" + log);
        Assert.That(refused.ExitCode, Is.Zero, "a second call out got 503 while the transferred carrier call held the trunk's one slot\n" + log);
        var rows = await CallTable.WaitForAsync(softswitch, 3);
        Assert.That(rows.Select(row => (row["caller"], row["callee"], row["hangup_cause"])), Is.EquivalentTo(new[]
        {
            ("1002", "carrier1", "transferred"), ("1003", null, "unavailable"), ("1001", "carrier1", "normal"),
        }), log);
    }

    private static Task<ToolResult> Subscribe(SoftswitchProcess softswitch, string scenario, string watched, string log) =>
        Sipp.RunAsync(softswitch, scenario, TimeSpan.FromSeconds(40), "-key", "subscriber", "1001", "-s", watched, "-au", "1001",
            "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"{watched}@127.0.0.1:{softswitch.Port}", "-trace_logs", "-log_file", log, "-m", "1");

    private static async Task WaitForFirstNotifyAsync(string log)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Read(log).Contains("NOTIFY-BEGIN", StringComparison.Ordinal) && DateTime.UtcNow < deadline) await Task.Delay(100);
    }

    private static string Read(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd();
    }

    /// <summary>Each dialog of each NOTIFY in order, as (state, remote identity).</summary>
    private static List<(string State, string Remote)> Dialogs(string log) =>
        DialogElement().Matches(log).Select(m => (m.Groups["state"].Value, m.Groups["remote"].Value)).ToList();

    [GeneratedRegex("<state>(?<state>[a-z]+)</state>.*?<remote><identity[^>]*>(?<remote>[^<]+)</identity>", RegexOptions.Singleline)]
    private static partial Regex DialogElement();
}
