namespace Softswitch.Storage.Security;

/// <summary>One row of <c>security_bans</c>: a source address ignored from <paramref name="BannedAt"/> to <paramref name="Until"/>.</summary>
/// <param name="Address">The banned address, as text.</param>
/// <param name="BannedAt">When the ban started.</param>
/// <param name="Until">When it ends unless lifted before.</param>
/// <param name="Reason">Why it was banned.</param>
/// <param name="Failures">Failed authentications that led to it.</param>
/// <param name="LiftedAt">When it ended (expired or lifted); null while in force.</param>
/// <param name="LiftedBy">Who ended it: <see cref="SecurityBanRepository.Expired"/> or an administrator's tool.</param>
public sealed record SecurityBanRecord(
    string Address, DateTimeOffset BannedAt, DateTimeOffset Until, string Reason, int Failures,
    DateTimeOffset? LiftedAt = null, string? LiftedBy = null);
