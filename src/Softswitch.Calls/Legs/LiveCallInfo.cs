namespace Softswitch.Calls.Legs;

/// <summary>One call as the registry shows it (the HTTP API and the ACD will read these).</summary>
/// <param name="Uuid">The switch's id for the call.</param>
/// <param name="CallId">The caller's Call-ID.</param>
/// <param name="Caller">The calling extension, or the caller's number/address.</param>
/// <param name="Dialled">What was dialled.</param>
/// <param name="Target">What the call is connected to: a feature name (echo, music, meet-me) or the extension rung.</param>
/// <param name="State">ringing, answered, held, ending.</param>
/// <param name="Started">When the INVITE arrived.</param>
/// <param name="Answered">When it was answered, if it was.</param>
/// <param name="Legs">Each SIP leg of the call.</param>
public sealed record LiveCallInfo(string Uuid, string CallId, string Caller, string Dialled, string Target, string State,
    DateTimeOffset Started, DateTimeOffset? Answered, IReadOnlyList<LiveLegInfo> Legs);

/// <summary>One leg of a live call.</summary>
/// <param name="Role">caller or callee.</param>
/// <param name="CallId">The leg's own Call-ID.</param>
/// <param name="Peer">Who is on it (extension or contact).</param>
/// <param name="State">The leg's SIP state (e.g. Ringing, Confirmed).</param>
/// <param name="Codec">The codec its media uses, once negotiated.</param>
/// <param name="RemoteMedia">Where its media goes.</param>
public sealed record LiveLegInfo(string Role, string CallId, string Peer, string State, string? Codec, string? RemoteMedia);
