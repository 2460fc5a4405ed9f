namespace Softswitch.Ivr;

/// <summary>A message in an opened mailbox, as the owner hears about it.</summary>
/// <param name="Id">The store's id for it.</param>
/// <param name="Path">The WAV file to play.</param>
/// <param name="Caller">Who left it (empty when the number was withheld).</param>
/// <param name="Time">When it was left.</param>
/// <param name="IsNew">Not heard yet.</param>
public sealed record MailboxMessage(string Box, string Id, string Path, string Caller, string? CallerName, DateTimeOffset Time, TimeSpan Length, bool IsNew);
