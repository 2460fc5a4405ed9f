namespace Softswitch.Calls.Records;

/// <summary>The words <see cref="CallRecord.HangupSide"/> uses.</summary>
public static class HangupSides
{
    public const string Caller = "caller";
    public const string Callee = "callee";

    /// <summary>
    /// The switch ended it: a limit, a timeout, a failure, a shutdown, or a feature that finished. On a bridged call a
    /// dead peer (RTP timeout, session-timer expiry, transport failure) is put down to its own side instead.
    /// </summary>
    public const string Switch = "switch";
}
