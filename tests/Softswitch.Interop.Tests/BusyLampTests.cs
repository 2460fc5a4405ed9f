using System.Text.RegularExpressions;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests;

/// <summary>
/// Busy-lamp field against the real process: sipp as 1002 subscribes to 1001's dialog state (RFC 6665, RFC 4235) while
/// another sipp, as 1001, calls the echo test and hangs up; the subscriber records every NOTIFY it gets.
/// </summary>
[TestFixture]
public sealed partial class BusyLampTests
{
    [Test, Description("RFC 6665 §4.2, RFC 4235 §4")]
    public async Task A_subscriber_sees_1001_idle_then_in_a_call_then_free_and_its_unsubscribe_ends_the_subscription()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        var folder = Directory.CreateTempSubdirectory("blf-").FullName;
        try
        {
            var log = Path.Combine(folder, "notify.log");
            var subscriber = Sipp.RunAsync(softswitch, "subscribe-dialog.xml", TimeSpan.FromSeconds(40),
                "-s", "1001", "-au", "1002", "-ap", SoftswitchProcess.Password1002, "-auth_uri", $"1001@127.0.0.1:{softswitch.Port}",
                "-trace_logs", "-log_file", log, "-m", "1");
            Assert.That(await WaitForNotifiesAsync(log, 1, TimeSpan.FromSeconds(15)), Is.True,
                () => $"no first NOTIFY:\n{(subscriber.IsCompleted ? subscriber.Result.ToString() : "sipp still running")}\n{softswitch.Output}");

            var call = await Sipp.RunAsync(softswitch, "echo-short-call.xml", TimeSpan.FromSeconds(20),
                "-s", "*43", "-au", "1001", "-ap", SoftswitchProcess.Password1001, "-auth_uri", $"*43@127.0.0.1:{softswitch.Port}",
                "-d", "1000", "-m", "1", "-mp", FreePort.ForUdp().ToString());
            Assert.That(call.ExitCode, Is.EqualTo(0), () => $"1001's call to *43 failed:\n{call}\n{softswitch.Output}");

            var subscription = await subscriber;
            var text = File.Exists(log) ? await File.ReadAllTextAsync(log) : "";
            Assert.That(subscription.ExitCode, Is.EqualTo(0), () => $"the subscriber failed:\n{subscription}\n{text}\n{softswitch.Output}");

            var notifies = Notify.Parse(text);
            Assert.Multiple(() =>
            {
                Assert.That(notifies, Has.Count.GreaterThanOrEqualTo(4), text);
                Assert.That(notifies.Select(n => n.Version), Is.EqualTo(Enumerable.Range(0, notifies.Count)), "versions count up from 0 (RFC 4235 §4.1.1)");
                Assert.That(notifies.All(n => n.Body.Contains("state=\"full\"", StringComparison.Ordinal)
                                              && n.Body.Contains("entity=\"sip:1001@softswitch.test\"", StringComparison.Ordinal)), text);
                Assert.That(notifies[0].DialogStates, Is.Empty, "1001 is idle when the subscription starts");
                Assert.That(notifies[0].SubscriptionState, Does.Contain("active"));
            });

            var confirmed = notifies.FindIndex(n => n.DialogStates.SequenceEqual(["confirmed"]));
            var terminated = notifies.FindIndex(n => n.DialogStates.SequenceEqual(["terminated"]));
            Assert.That(confirmed, Is.GreaterThan(0), () => "1001 is shown in a confirmed dialog:\n" + text);
            Assert.That(terminated, Is.GreaterThan(confirmed), () => "then that dialog terminated:\n" + text);
            Assert.That(notifies[confirmed].Body, Does.Contain("direction=\"initiator\"").And.Contain("*43@"), "1001 called *43");
            var final = notifies[^1];
            Assert.Multiple(() =>
            {
                Assert.That(final.SubscriptionState, Does.Contain("terminated"), "the unsubscribe's NOTIFY ends the subscription");
                Assert.That(final.DialogStates, Is.Empty, "1001 is free again");
                Assert.That(notifies.Take(notifies.Count - 1).All(n => n.SubscriptionState.Contains("active", StringComparison.Ordinal)), text);
            });
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<bool> WaitForNotifiesAsync(string log, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (File.Exists(log) && Notify.Parse(await File.ReadAllTextAsync(log)).Count >= count) return true;
            await Task.Delay(100);
        }

        return false;
    }

    /// <summary>One NOTIFY as the subscriber logged it: its Subscription-State and its dialog-info body.</summary>
    private sealed partial record Notify(string SubscriptionState, int Version, IReadOnlyList<string> DialogStates, string Body)
    {
        public static List<Notify> Parse(string log) =>
            log.Split("NOTIFY-BEGIN ", StringSplitOptions.RemoveEmptyEntries)
                .Where(chunk => chunk.Contains("</dialog-info>", StringComparison.Ordinal))
                .Select(chunk => (State: chunk[..chunk.IndexOf('\n', StringComparison.Ordinal)].Trim(), Body: Document(chunk)))
                .Select(notify => new Notify(
                    notify.State,
                    int.Parse(VersionPattern().Match(notify.Body).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture),
                    StatePattern().Matches(notify.Body).Select(m => m.Groups[1].Value).ToList(),
                    notify.Body))
                .ToList();

        /// <summary>The dialog-info document alone (the log also holds the headers and what sipp's checks matched).</summary>
        private static string Document(string chunk)
        {
            var start = chunk.IndexOf("<dialog-info", StringComparison.Ordinal);
            var end = chunk.IndexOf("</dialog-info>", start, StringComparison.Ordinal);
            return chunk[start..(end + "</dialog-info>".Length)];
        }

        [GeneratedRegex("<dialog-info[^>]*version=\"(\\d+)\"")]
        private static partial Regex VersionPattern();

        [GeneratedRegex("<state>([a-z]+)</state>")]
        private static partial Regex StatePattern();
    }
}
