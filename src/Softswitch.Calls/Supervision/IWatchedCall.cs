namespace Softswitch.Calls.Supervision;

/// <summary>What <see cref="CallWatchdog"/> reads of an answered call; timestamps are <see cref="TimeProvider.GetTimestamp"/> values.</summary>
public interface IWatchedCall
{
    /// <summary>When the call was answered.</summary>
    long AnsweredTimestamp { get; }

    /// <summary>When the peer was last heard (RTP or RTCP), or its media last changed (answer, re-INVITE), whichever is later.</summary>
    long LastHeardTimestamp { get; }

    /// <summary>Whether either direction is held.</summary>
    bool OnHold { get; }

    /// <summary>Ends the call with BYE carrying the cause; called once, off the media path.</summary>
    void EndFor(CallTimeout timeout);
}
