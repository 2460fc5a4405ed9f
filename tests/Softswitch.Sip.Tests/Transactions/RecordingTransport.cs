using System.Text;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Transactions;

/// <summary>Records every send with the fake clock's time since the test began.</summary>
internal sealed class RecordingTransport(FakeTimeProvider time) : ITransactionTransport
{
    private readonly DateTimeOffset _start = time.GetUtcNow();
    private readonly List<(TimeSpan At, string Text, SipEndPoint To)> _sent = [];

    public IReadOnlyList<(TimeSpan At, string Text, SipEndPoint To)> Sent
    {
        get { lock (_sent) return _sent.ToList(); }
    }

    /// <summary>When each message starting with <paramref name="startLine"/> was sent, in seconds.</summary>
    public double[] TimesOf(string startLine) =>
        Sent.Where(s => s.Text.StartsWith(startLine, StringComparison.Ordinal)).Select(s => s.At.TotalSeconds).ToArray();

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        lock (_sent) _sent.Add((time.GetUtcNow() - _start, Encoding.UTF8.GetString(message.Span), destination));
    }
}
