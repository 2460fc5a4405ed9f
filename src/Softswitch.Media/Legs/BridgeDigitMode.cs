namespace Softswitch.Media.Legs;

/// <summary>How one direction of a <see cref="MediaBridge"/> passes the source leg's RFC 4733 digits on.</summary>
public enum BridgeDigitMode
{
    /// <summary>Not passed on: the source negotiated no telephone-event, or the relay cannot map it.</summary>
    None,

    /// <summary>Same codec: the packets are relayed with the target's payload type.</summary>
    Relayed,

    /// <summary>Transcoding: events regenerated in the target's own stream and clock.</summary>
    TelephoneEvents,

    /// <summary>Transcoding to a target without telephone-event: DTMF tones played into its audio.</summary>
    InBandTones,
}
