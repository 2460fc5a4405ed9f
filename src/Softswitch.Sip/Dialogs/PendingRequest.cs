using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// A request we sent in a dialog, waiting for its final response. Responses are matched by method and CSeq as well
/// as by branch (§17.1.3 and §12.2.1.2), so an answer to one request is never taken for another's.
/// </summary>
internal sealed class PendingRequest(SipRequest request, bool isRefresh, int glareRetriesLeft = 0,
    TaskCompletionSource<SipResponse>? completion = null)
{
    public SipRequest Request { get; } = request;

    public SipMethod Method => Request.Method;

    public uint CSeq => Request.CSeq.Number;

    /// <summary>A session-timer refresh the dialog layer sent by itself (RFC 4028 §10), not the owner's request.</summary>
    public bool IsRefresh { get; } = isRefresh;

    /// <summary>How many more times a 491 sends this re-INVITE again (RFC 3261 §14.1); 0 for other requests.</summary>
    public int GlareRetriesLeft { get; } = glareRetriesLeft;

    /// <summary>The final response; a re-INVITE sent again after 491 shares its first attempt's.</summary>
    public TaskCompletionSource<SipResponse> Completion { get; } = completion ?? new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Matches(SipResponse response) => response.CSeq.Method == Method && response.CSeq.Number == CSeq;
}
