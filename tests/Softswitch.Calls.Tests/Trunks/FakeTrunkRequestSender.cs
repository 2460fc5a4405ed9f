using System.Threading.Channels;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>Collects what a trunk sends; the test reads each request in turn and decides its fate.</summary>
internal sealed class FakeTrunkRequestSender : ITrunkRequestSender
{
    private readonly Channel<SentTrunkRequest> _sent = Channel.CreateUnbounded<SentTrunkRequest>();

    public async Task<SipResponse?> SendAsync(SipRequestBuilder request, SipEndPoint destination, CancellationToken cancellationToken)
    {
        SipMessageParser.TryParse(request.ToBytes(), out var parsed, out _);
        var sent = new SentTrunkRequest((SipRequest)parsed!, destination);
        _sent.Writer.TryWrite(sent);
        return await sent.Final.WaitAsync(cancellationToken);
    }

    /// <summary>The next request sent, waiting up to 5 s of real time for the trunk's loop to send it.</summary>
    public async Task<SentTrunkRequest> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        return await _sent.Reader.ReadAsync(timeout.Token);
    }

    /// <summary>True when nothing was sent in the last <paramref name="wait"/> of real time.</summary>
    public async Task<bool> NothingSentAsync(TimeSpan wait)
    {
        await Task.Delay(wait);
        return !_sent.Reader.TryPeek(out _);
    }
}
