using Microsoft.Extensions.Logging;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Supervision;
using Softswitch.Sip.Dialogs;

namespace Softswitch.Calls.Bridging;

/// <summary>The services every bridged call uses: shared by all calls, built once by the dispatcher.</summary>
public sealed class BridgeContext
{
    public required SessionRouter Sessions { get; init; }

    public required CallMediaOptions Media { get; init; }

    public required CallRegistry Registry { get; init; }

    public CallWatchdog? Watchdog { get; init; }

    /// <summary>Our SIP domain: the host of the From URI the callee sees.</summary>
    public required string Domain { get; init; }

    /// <summary>Music on hold, a class under sounds/music/.</summary>
    public string MusicOnHold { get; init; } = "default";

    /// <summary>The busy-lamp board the call reports its extensions' dialogs to; null: nobody watches.</summary>
    public Presence.ExtensionActivity? Activity { get; init; }

    /// <summary>What a transfer to an extension or ring group rings; null: transfers are refused.</summary>
    public DialTargets? Targets { get; init; }

    /// <summary>What an application's bridge dials (the dispatcher's routing); null: applications cannot bridge.</summary>
    public IDestinationResolver? Destinations { get; set; }

    /// <summary>The carriers trunk routes call out through; null when none is configured.</summary>
    public Trunks.TrunkService? Trunks { get; init; }

    public required TimeProvider Time { get; init; }

    public required ILoggerFactory Loggers { get; init; }
}
