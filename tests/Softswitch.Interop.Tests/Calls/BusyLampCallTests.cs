using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Busy lamp of a rung extension on the real switch: sipp as 1003 subscribes to 1002's dialog state while 1001 calls
/// 1002 (a sipp phone that rings for a second, then answers); the subscriber sees 1002 ringing, then talking, then free.
/// </summary>
[TestFixture]
public sealed partial class BusyLampCallTests
{
    [Test, Description("RFC 4235: early (ringing) before confirmed, direction recipient, then terminated")]
    public async Task A_subscriber_sees_the_called_extension_ringing_then_confirmed_then_free()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(null, SoftswitchProcess.Extension1003);
        var folder = Directory.CreateTempSubdirectory("blf-call-").FullName;
        try
        {
            var log = Path.Combine(folder, "notify.log");
            var subscriber = Sipp.RunAsync(softswitch, "subscribe-until-terminated.xml", TimeSpan.FromSeconds(40),
                "-key", "subscriber", "1003", "-s", "1002", "-au", "1003", "-ap", SoftswitchProcess.Password1003,
                "-auth_uri", $"1002@127.0.0.1:{softswitch.Port}", "-trace_logs", "-log_file", log, "-m", "1");
            var deadline = DateTime.UtcNow.AddSeconds(15);
            while (!(File.Exists(log) && (await File.ReadAllTextAsync(log)).Contains("NOTIFY-BEGIN", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", TimeSpan.FromSeconds(20),
                ("ANSWER_MS", "1000"));
            var call = await SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", "1002", TimeSpan.FromSeconds(20), null, "-m", "1", "-d", "1000");
            Assert.That(call.ExitCode, Is.Zero, $"{call}\n{softswitch.Output}");
            await callee.Run;

            var subscription = await subscriber;
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            Assert.That(subscription.ExitCode, Is.Zero, $"the subscriber failed:\n{subscription}\n{text}\n{softswitch.Output}");
            var states = Regex.Matches(text, "<state>([a-z]+)</state>").Select(m => m.Groups[1].Value).Distinct().ToList();
            var early = states.IndexOf("early");
            var confirmed = states.IndexOf("confirmed");
            var terminated = states.IndexOf("terminated");
            Assert.That(early, Is.GreaterThanOrEqualTo(0), "1002 shown ringing\n" + text);
            Assert.That(confirmed, Is.GreaterThan(early), "then talking\n" + text);
            Assert.That(terminated, Is.GreaterThan(confirmed), "then free\n" + text);
            Assert.That(text, Does.Contain("direction=\"recipient\""), text);

            var row = (await CallTable.WaitForAsync(softswitch)).Single();
            Assert.That((row["caller"], row["dialled"], row["callee"], row["hangup_cause"], row["hangup_side"]),
                Is.EqualTo(("1001", "1002", "1002", "normal", "caller")), softswitch.Output);
            Assert.That((row["answered_at"] is null, row["caller_codec"], row["callee_codec"]), Is.EqualTo((false, "PCMU", "PCMU")), softswitch.Output);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
