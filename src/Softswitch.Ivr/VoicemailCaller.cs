namespace Softswitch.Ivr;

/// <summary>Who left a message, as the box owner will hear and see it.</summary>
/// <param name="CallUuid">The call's id (links the message to its call record).</param>
/// <param name="Number">The caller's number (empty when withheld).</param>
/// <param name="Name">The caller's display name, when one was sent.</param>
/// <param name="Time">When the message was started.</param>
public sealed record VoicemailCaller(string CallUuid, string Number, string? Name, DateTimeOffset Time);
