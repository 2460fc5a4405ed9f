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

    private void Add(string line)
    {
        lock (_events) _events.Add(line);
    }
}
