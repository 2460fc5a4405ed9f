using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Softswitch.Sip.Dialogs;

/// <summary>The live INVITE sessions by dialog id, for matching in-dialog requests and ACKs (§12.2.2). Thread-safe.</summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogId, InviteServerSession> _sessions = new();

    // Calling sessions are keyed by Call-ID and our From tag alone: both are fixed when the INVITE leaves, while the
    // peer's tag is not known yet and may differ per fork (§12.1.2, §13.2.2.4).
    private readonly ConcurrentDictionary<(string CallId, string LocalTag), InviteClientSession> _clientSessions = new();

    /// <summary>The answering sessions (<see cref="InviteServerSession"/>) only.</summary>
    public int Count => _sessions.Count;

    /// <summary>The calling sessions (<see cref="InviteClientSession"/>).</summary>
    public int ClientCount => _clientSessions.Count;

    public bool TryAdd(InviteServerSession session) => _sessions.TryAdd(session.Id, session);

    public bool TryGet(DialogId id, [NotNullWhen(true)] out InviteServerSession? session) => _sessions.TryGetValue(id, out session);

    /// <summary>Removes <paramref name="session"/> only if it is the one stored under its id.</summary>
    public bool Remove(InviteServerSession session) =>
        _sessions.TryRemove(new KeyValuePair<DialogId, InviteServerSession>(session.Id, session));

    public bool TryAdd(InviteClientSession session) => _clientSessions.TryAdd((session.CallId, session.LocalTag), session);

    /// <summary>The calling session whose INVITE carried <paramref name="callId"/> and our tag <paramref name="localTag"/>.</summary>
    public bool TryGetClient(string callId, string localTag, [NotNullWhen(true)] out InviteClientSession? session) =>
        _clientSessions.TryGetValue((callId, localTag), out session);

    public bool Remove(InviteClientSession session) =>
        _clientSessions.TryRemove(new KeyValuePair<(string, string), InviteClientSession>((session.CallId, session.LocalTag), session));
}
