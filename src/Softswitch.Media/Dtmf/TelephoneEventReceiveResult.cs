namespace Softswitch.Media.Dtmf;

/// <summary>What <see cref="TelephoneEventReceiver.Receive"/> made of one packet.</summary>
public enum TelephoneEventReceiveResult
{
    /// <summary>A new event began; <see cref="TelephoneEventReceiver.DigitStarted"/> was raised.</summary>
    Started,
    /// <summary>The current event goes on (a later duration, or a reordered earlier one).</summary>
    Updated,
    /// <summary>A long event moved to its next segment (RFC 4733 §2.5.1.3).</summary>
    NextSegment,
    /// <summary>The event ended; <see cref="TelephoneEventReceiver.DigitEnded"/> was raised
    /// (preceded by DigitStarted when this was the first packet seen for it).</summary>
    Ended,
    /// <summary>A packet for an event already ended (redundant end packets, duplicates).</summary>
    Duplicate,
    /// <summary>A packet for an older event than the current one (reordering); ignored.</summary>
    Stale,
    /// <summary>Not the negotiated telephone-event payload type; ignored.</summary>
    OtherPayloadType,
    /// <summary>Payload shorter than 4 bytes; ignored.</summary>
    PayloadTooShort,
    /// <summary>An event code that is not a DTMF digit (above 15); ignored.</summary>
    NotDtmf,
}
