using System.Net;
using Softswitch.Calls.Records;
using Softswitch.Media.Clock;
using Softswitch.Media.Playback;
using Softswitch.Media.Rtp;

namespace Softswitch.Calls.Media;

/// <summary>What every call's media needs from the host: where to bind, what to advertise, the clock, prompts and recordings.</summary>
public sealed class CallMediaOptions
{
    public required RtpPortAllocator Ports { get; init; }

    /// <summary>The address the SDP answer gives for our media (c= line).</summary>
    public required IPAddress Address { get; init; }

    /// <summary>Root folder of recordings: files go to yyyy/MM/dd/yyyyMMdd-HHmmss-&lt;call uuid&gt;.wav below it.</summary>
    public required string RecordingsFolder { get; init; }

    /// <summary>Told of each closed recording (the host stores a row); null: the files are all there is.</summary>
    public IRecordingCatalog? RecordingCatalog { get; init; }

    /// <summary>Told of each finished call (the host stores a row of <c>calls</c>); null: no call records.</summary>
    public ICallRecordSink? CallRecords { get; init; }

    /// <summary>Strict RTP latching: how long a caller's media must be silent before another source may replace it.</summary>
    public TimeSpan RelatchAfter { get; init; } = RtpEndpointOptions.DefaultRelatchAfter;

    /// <summary>The one 20 ms clock that paces every prompt, music stream and recording.</summary>
    public required MediaClock Clock { get; init; }

    /// <summary>Prompts encoded once per codec and shared by all calls.</summary>
    public required PromptCache Prompts { get; init; }

    /// <summary>Root of the prompts: sounds/&lt;language&gt;/&lt;name&gt;.wav, music under sounds/music/.</summary>
    public required string SoundsFolder { get; init; }

    /// <summary>The keys an agent presses to pause and resume a call's recording (PCI).</summary>
    public RecordingPauseCodes PauseCodes { get; init; } = new();

    /// <summary>Language of prompts when the call has not chosen one.</summary>
    public string DefaultLanguage { get; init; } = "en";
}
