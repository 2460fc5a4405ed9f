using System.Net;

namespace Softswitch.Sip.Security;

/// <summary>One address ignored until <paramref name="Until"/>.</summary>
/// <param name="Address">The banned source address.</param>
/// <param name="BannedAt">When the ban started (whole milliseconds, as stored).</param>
/// <param name="Until">When it ends unless lifted before.</param>
/// <param name="Reason">Why, for logs and the ban list.</param>
/// <param name="Failures">Failed authentications that led to it.</param>
public sealed record SourceBan(IPAddress Address, DateTimeOffset BannedAt, DateTimeOffset Until, string Reason, int Failures);
