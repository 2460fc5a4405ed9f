using Microsoft.Extensions.Logging;

namespace Softswitch.Sip.Security;

public sealed partial class SourceGuard
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "banned {Address} until {Until:u}: {Failures} failed authentications within {WindowSeconds} s; its messages are ignored")]
    private partial void LogBanned(string address, int failures, double windowSeconds, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ban of {Address} ({BannedAt:u}) ended: {End}")]
    private partial void LogBanEnded(string address, SourceBanEnd end, DateTimeOffset bannedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ban of {Address} restored from the database, until {Until:u}")]
    private partial void LogRestored(string address, DateTimeOffset until);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Address} sends more than {Limit} messages a second: dropping the excess ({Dropped} dropped since the last report)")]
    private partial void LogRateLimited(string address, int limit, int dropped);
}
