using Softswitch.Media.Codecs;
using Softswitch.Media.Sdp;

namespace Softswitch.Calls.Media;

/// <summary>The codecs the switch offers and accepts on every leg.</summary>
public static class CallCodecs
{
    /// <summary>G.711 first (every phone has it, cheapest to record and scan), Opus when libopus loads, then telephone-event.</summary>
    public static readonly IReadOnlyList<CodecDescriptor> Offered = OpusLibrary.IsAvailable
        ? [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.Opus, CodecDescriptor.TelephoneEvent]
        : [CodecDescriptor.Pcmu, CodecDescriptor.Pcma, CodecDescriptor.TelephoneEvent];

    /// <summary>
    /// The offer to a callee: the caller's codec first, so that when the callee takes it the bridge relays packets
    /// untouched; the others after it, transcoded when the callee picks one of them.
    /// </summary>
    public static IReadOnlyList<CodecDescriptor> PreferringFirst(MediaFormat? callerCodec) => callerCodec is null
        ? Offered
        : [.. Offered.Where(codec => !codec.IsTelephoneEvent && codec.Matches(callerCodec)),
           .. Offered.Where(codec => codec.IsTelephoneEvent || !codec.Matches(callerCodec))];
}
