using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transactions;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>A transaction layer on a fake clock, with a transport and a user that record everything.</summary>
public abstract class TransactionLayerFixture
{
    private protected FakeTimeProvider Time { get; private set; } = null!;
    private protected RecordingTransport Transport { get; private set; } = null!;
    private protected RecordingUser User { get; private set; } = null!;
    private protected TransactionLayer Layer { get; private set; } = null!;

    [SetUp]
    public void CreateLayer()
    {
        Time = new FakeTimeProvider();
        Transport = new RecordingTransport(Time);
        User = new RecordingUser();
        Layer = new TransactionLayer(Time, new TransactionTimerOptions(), Transport, User, new TransactionMessageFactory());
    }

    /// <summary>Steps the clock 10 ms at a time so every timer fires at its own time, as on a real clock.</summary>
    private protected void Advance(double seconds)
    {
        for (var i = 0; i < (int)Math.Round(seconds * 100); i++) Time.Advance(TimeSpan.FromMilliseconds(10));
    }
}
