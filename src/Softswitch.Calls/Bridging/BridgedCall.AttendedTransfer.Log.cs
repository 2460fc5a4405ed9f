using Microsoft.Extensions.Logging;

namespace Softswitch.Calls.Bridging;

public sealed partial class BridgedCall
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Transferor} transfers {Transferee} attended, replacing its dialog in {ReplacedCallId}")]
    private partial void LogAttendedTransfer(string callId, string transferor, string transferee, string replacedCallId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Party} handed over to call {NewCallId} (attended transfer)")]
    private partial void LogHandedOver(string callId, string party, string newCallId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{CallId}: {Replaced} replaced by {Party}'s INVITE {NewCallId} (Replaces)")]
    private partial void LogReplaced(string callId, string replaced, string party, string newCallId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{CallId}: trunk {Trunk} tried to replace {Replaced}'s dialog, which is not its own: 403")]
    private partial void LogReplaceForbidden(string callId, string trunk, string replaced);
}
