using Softswitch.Sip.Dialogs;

namespace Softswitch.Sip.Tests.Dialogs;

/// <summary>An owner written before the symmetric dialog layer: only the four original members, so the defaults answer the rest.</summary>
internal sealed class DefaultsClientOwner : IInviteClientSessionOwner
{
    public List<string> Events { get; } = [];

    public void OnProvisional(InviteClientSession session, int statusCode, ReadOnlyMemory<byte> sdp) => Events.Add($"Provisional({statusCode})");

    public void OnAnswered(InviteClientSession session, ReadOnlyMemory<byte> sdp) => Events.Add("Answered");

    public void OnFailed(InviteClientSession session, int statusCode, string reason) => Events.Add($"Failed({statusCode})");

    public void OnEnded(InviteClientSession session, InviteClientEnding ending) => Events.Add($"Ended({ending})");
}
