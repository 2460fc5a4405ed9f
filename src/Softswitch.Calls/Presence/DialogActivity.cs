namespace Softswitch.Calls.Presence;

/// <summary>
/// One dialog of an extension's phone as a busy-lamp field shows it (RFC 4235 §4.1). The dialog is identified by
/// <see cref="CallId"/> within the extension: every report about the same call for the same extension must carry the
/// same Call-ID (the Call-ID of that extension's own leg), and a new report replaces the previous one.
/// </summary>
/// <param name="CallId">The Call-ID of the extension's leg (the INVITE it sent, or the INVITE the switch sent to it).</param>
/// <param name="Direction">Whether the extension called (<see cref="DialogDirection.Initiator"/>) or is being called.</param>
/// <param name="State">Where the dialog is now.</param>
/// <param name="RemoteUri">The other party as a URI (e.g. <c>sip:1002@softswitch.local</c>, or the number dialled).</param>
/// <param name="RemoteDisplayName">The other party's name, when known.</param>
/// <param name="LocalTag">The tag on the extension's side of its leg (its From tag when it calls, its To tag when called), when known.</param>
/// <param name="RemoteTag">The switch's tag on that leg, when known.</param>
public sealed record DialogActivity(
    string CallId,
    DialogDirection Direction,
    DialogState State,
    string RemoteUri,
    string? RemoteDisplayName = null,
    string? LocalTag = null,
    string? RemoteTag = null);
