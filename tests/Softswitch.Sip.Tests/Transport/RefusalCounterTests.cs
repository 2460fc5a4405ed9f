using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transport;

public class RefusalCounterTests
{
    [Test]
    public void First_refusal_is_reported_then_a_burst_once_a_minute_with_its_count()
    {
        var time = new FakeTimeProvider();
        var counter = new RefusalCounter();

        Assert.That(counter.Count(time, out int first), Is.True);
        Assert.That(first, Is.EqualTo(1));
        for (int i = 0; i < 99; i++)
        {
            Assert.That(counter.Count(time, out _), Is.False, "refusals within the minute are counted, not reported");
        }

        time.Advance(RefusalCounter.ReportInterval);
        Assert.That(counter.Count(time, out int burst), Is.True);
        Assert.That(burst, Is.EqualTo(100), "the line covers the 99 silent ones and this one");
    }
}
