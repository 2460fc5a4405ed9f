using System.Text;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>
/// Records every send with the fake clock's time since the test began. Sends to an address in
/// <see cref="Unreachable"/> fail; like a real transport it reports them later, here when the test calls
/// <see cref="ReportFailures"/>, so each step of the transaction's reaction can be checked.
/// </summary>
internal sealed class RecordingTransport(FakeTimeProvider time) : ITransactionTransport
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<(TimeSpan At, string Text, SipEndPoint To)> _sent = [];
    private readonly Queue<(Transaction Owner, SipEndPoint To)> _failures = new();

    public IReadOnlyList<(TimeSpan At, string Text, SipEndPoint To)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    /// <summary>Where sends fail, as a refused TCP connect or an unreachable network would make them.</summary>
    public HashSet<SipEndPoint> Unreachable { get; } = [];

    /// <summary>When each message starting with <paramref name="startLine"/> was sent, in seconds.</summary>
    public double[] TimesOf(string startLine) =>
        Sent.Where(s => s.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(s => s.At.TotalSeconds).ToArray();

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        lock (_sent) _sent.Add((time.GetUtcNow() - _start, Encoding.UTF8.GetString(message.Span), destination));
    }

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination, Transaction owner)
    {
        Send(message, destination);
        if (!Unreachable.Contains(destination)) return;
        lock (_failures) _failures.Enqueue((owner, destination));
    }

    /// <summary>Reports the failed sends, and those the reactions to them made, until none is left; returns how many.</summary>
    public int ReportFailures()
    {
        var count = 0;
        while (true)
        {
            (Transaction Owner, SipEndPoint To) failure;
            lock (_failures)
            {
                if (!_failures.TryDequeue(out failure)) return count;
            }

            count++;
            TransactionLayer.OnTransportError(failure.Owner, failure.To);
        }
    }
}
