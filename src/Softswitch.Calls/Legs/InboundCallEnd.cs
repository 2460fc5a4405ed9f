namespace Softswitch.Calls.Legs;

/// <summary>Why an inbound call ended, for its last log line.</summary>
public enum InboundCallEnd
{
    CallerHungUp,
    Cancelled,
    WeHungUp,
    NoAck,
    TransportError,
    NoAnswerInAck,
    Shutdown,
    RtpTimeout,
    HoldTimeout,
    MaxCallLength,
}

/// <summary>Words for the log (Serilog would quote an enum).</summary>
public static class InboundCallEndText
{
    public static string Describe(this InboundCallEnd end) => end switch
    {
        InboundCallEnd.CallerHungUp => "caller hung up",
        InboundCallEnd.Cancelled => "cancelled",
        InboundCallEnd.WeHungUp => "we hung up",
        InboundCallEnd.NoAck => "no ACK",
        InboundCallEnd.TransportError => "transport error",
        InboundCallEnd.NoAnswerInAck => "no SDP answer in the ACK",
        InboundCallEnd.Shutdown => "switch shutting down",
        InboundCallEnd.RtpTimeout => "RTP timeout: nothing heard from the caller, BYE with Reason 408",
        InboundCallEnd.HoldTimeout => "RTP timeout on hold: nothing heard from the caller, BYE with Reason 408",
        InboundCallEnd.MaxCallLength => "maximum call length reached, BYE with Reason 200",
        _ => end.ToString(),
    };
}
