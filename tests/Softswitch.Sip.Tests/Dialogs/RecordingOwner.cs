using System.Text;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>An owner that writes down each event as one line, and optionally reacts to re-INVITEs.</summary>
internal sealed class RecordingOwner : IInviteSessionOwner
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get { lock (_events) return _events.ToList(); }
    }

    public List<string> Offers { get; } = [];
    public List<string> Infos { get; } = [];

    /// <summary>Called on a re-INVITE with the offer text (as call control would, from its mailbox).</summary>
    public Action<InviteServerSession, string>? OnOffer { get; set; }

    public void OnAcknowledged(InviteServerSession session, ReadOnlyMemory<byte> sdp) => Add($"Acknowledged({sdp.Length})");

    public void OnReInvite(InviteServerSession session, ReadOnlyMemory<byte> offer)
    {
        var text = Encoding.UTF8.GetString(offer.Span);
        Offers.Add(text);
        Add("ReInvite");
        OnOffer?.Invoke(session, text);
    }

    public void OnInfo(InviteServerSession session, string? contentType, ReadOnlyMemory<byte> body)
    {
        Infos.Add($"{contentType}|{Encoding.UTF8.GetString(body.Span)}");
        Add("Info");
    }

    public void OnBye(InviteServerSession session) => Add("Bye");

    public void OnCancelled(InviteServerSession session) => Add("Cancelled");

    public void OnFailed(InviteServerSession session, InviteSessionFailure failure) => Add($"Failed({failure})");

    /// <summary>The in-dialog requests handed over; answered by <see cref="OnInDialog"/>, else as the interface default does.</summary>
    public List<InDialogRequest> Requests { get; } = [];

    public Action<InviteServerSession, InDialogRequest>? OnInDialog { get; set; }

    public void OnRequest(InviteServerSession session, InDialogRequest request)
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
