using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Softswitch.Sip.Dialogs;

/// <summary>The live INVITE sessions by dialog id, for matching in-dialog requests and ACKs (§12.2.2). Thread-safe.</summary>
public sealed class DialogTable
{
    private readonly ConcurrentDictionary<DialogId, InviteServerSession> _sessions = new();

    public int Count => _sessions.Count;

    public bool TryAdd(InviteServerSession session) => _sessions.TryAdd(session.Id, session);

    public bool TryGet(DialogId id, [NotNullWhen(true)] out InviteServerSession? session) => _sessions.TryGetValue(id, out session);

    /// <summary>Removes <paramref name="session"/> only if it is the one stored under its id.</summary>
    public bool Remove(InviteServerSession session) =>
        _sessions.TryRemove(new KeyValuePair<DialogId, InviteServerSession>(session.Id, session));
}
