using System.Net;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>Answers every lookup with a fixed list of targets, and counts the lookups.</summary>
internal sealed class FakeSipServerLocator(params string[] targets) : ISipServerLocator
{
    private int _lookups;

    public IReadOnlyList<SipEndPoint> Targets { get; set; } =
        targets.Select(t => new SipEndPoint(SipTransportKind.Udp, IPEndPoint.Parse(t))).ToList();

    public int Lookups => Volatile.Read(ref _lookups);

    public Task<IReadOnlyList<SipEndPoint>> LocateAsync(string host, int port, SipTransportKind transport, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _lookups);
        return Task.FromResult(Targets);
    }
}
