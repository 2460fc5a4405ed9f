using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;
using Softswitch.Sip.Transport;

namespace Softswitch.Calls.Trunks;

/// <summary>
/// <see cref="ITrunkRequestSender"/> over the stack's client transactions: the response comes back through the
/// dispatcher's <see cref="ClientRequestRouter"/> on a socket thread, which only completes the waiting task.
/// </summary>
public sealed class RoutedTrunkRequestSender(ClientRequestRouter router) : ITrunkRequestSender
{
    public async Task<SipResponse?> SendAsync(SipRequestBuilder request, SipEndPoint destination, CancellationToken cancellationToken)
    {
        var bytes = request.ToBytes();
        if (SipMessageParser.TryParse(bytes, out var parsed, out _) != SipParseStatus.Ok || parsed is not SipRequest sent) return null;
        var pending = new Pending();
        router.Send(sent, bytes, destination, pending);
        // Cancelling stops our wait only; the transaction ends on its own timer.
        return await pending.Final.Task.WaitAsync(cancellationToken);
    }

    private sealed class Pending : IClientRequestOwner
    {
        public TaskCompletionSource<SipResponse?> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnResponse(SipRequest request, SipResponse response)
        {
            if (response.StatusCode >= 200) Final.TrySetResult(response);
        }

        public void OnTimeout(SipRequest request) => Final.TrySetResult(null);
    }
}
