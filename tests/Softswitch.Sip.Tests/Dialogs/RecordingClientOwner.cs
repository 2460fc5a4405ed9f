using Softswitch.Sip.Dialogs;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>A calling session's owner that writes down each event as one line, and optionally reacts to the answer.</summary>
internal sealed class RecordingClientOwner : IInviteClientSessionOwner
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    /// <summary>Called on OnAnswered with the 2xx body (as call control would, from its mailbox).</summary>
    public Action<InviteClientSession, ReadOnlyMemory<byte>>? OnAnswer { get; set; }

    public void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp) => Add($"Provisional({statusCode},{sdp.Length})");

    public void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp)
    {
        Add($"Answered({sdp.Length})");
        OnAnswer?.Invoke(session, sdp);
    }

    public void OnFailed(InviteClientSession session, int statusCode, string reason) => Add($"Failed({statusCode} {reason})");

    public void OnEnded(InviteClientSession session, InviteClientEnding ending) => Add($"Ended({ending})");

    public List<string> Offers { get; } = [];
    public List<string> Infos { get; } = [];
    public List<InDialogRequest> Requests { get; } = [];

    /// <summary>Called on the callee's re-INVITE with the offer text; when null the re-INVITE is left pending.</summary>
    public Action<InviteClientSession, string>? OnOffer { get; set; }

    public Action<InviteClientSession, InDialogRequest>? OnInDialog { get; set; }

    public void OnReInvite(InviteClientSession session, ReadOnlyMemory<byte> offer)
    {
        var text = System.Text.Encoding.UTF8.GetString(offer.Span);
        Offers.Add(text);
        Add("ReInvite");
        OnOffer?.Invoke(session, text);
    }

    public void OnInfo(InviteClientSession session, string? contentType, ReadOnlyMemory<byte> body)
    {
        Infos.Add($"{contentType}|{System.Text.Encoding.UTF8.GetString(body.Span)}");
        Add("Info");
    }

    public void OnRequest(InviteClientSession session, InDialogRequest request)
    {
        Requests.Add(request);
        Add($"Request({request.MethodName})");
        if (OnInDialog is { } handle) handle(session, request);
        else request.RespondByDefault();
    }

    private void Add(string line)
    {
        lock (_events) _events.Add(line);
    }
}
