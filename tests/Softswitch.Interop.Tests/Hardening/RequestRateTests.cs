using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 2 (rate): one address may send security.max_requests_per_second_per_address (200) messages a second;
/// the excess of a flood is dropped unanswered while the good phone on another address is served.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class RequestRateTests
{
    private const int Flood = 4_000;

    [Test]
    public async Task A_flood_of_options_above_the_limit_is_partly_dropped_while_the_good_phone_is_served()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        using var flooder = new RawSipPhone("127.0.0.3", softswitch.Port);
        var started = DateTime.UtcNow;

        var answered = Task.Run(async () =>
        {
            var count = 0;
            while (await flooder.ReceiveAsync(TimeSpan.FromSeconds(1)) is not null) count++;
            return count;
        });
        var flooding = Task.Run(async () =>
        {
            // About 1,000 a second (five times the limit), bounded in count.
            for (var i = 0; i < Flood; i++)
            {
                await flooder.SendAsync(flooder.Options(Guid.NewGuid().ToString("N")));
                if (i % 20 == 19) await Task.Delay(20);
            }
        });
        await GoodPhone.AssertServedAsync(softswitch, "during the flood");
        await flooding;
        var seconds = (DateTime.UtcNow - started).TotalSeconds;
        var answers = await answered;
        TestContext.Out.WriteLine($"rate limit: {answers} of {Flood} OPTIONS answered in {seconds:F1} s");

        Assert.Multiple(() =>
        {
            Assert.That(answers, Is.LessThan(Flood / 2), $"most of {Flood} OPTIONS in {seconds:F1} s must be dropped");
            Assert.That(answers, Is.GreaterThanOrEqualTo(200), "up to the limit is answered");
            Assert.That(answers, Is.LessThanOrEqualTo(200 + (int)Math.Ceiling(seconds * 200) + 50), "no more than the limit allows");
            Assert.That(TextCount.Occurrences(softswitch.Output, "127.0.0.3 sends more than"), Is.EqualTo(1), "logged once, not per packet");
        });
        await GoodPhone.AssertServedAsync(softswitch, "after the flood");
    }
}
