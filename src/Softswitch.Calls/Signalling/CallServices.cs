using Microsoft.Extensions.Logging;
using Softswitch.Calls.Bridging;
using Softswitch.Calls.Features;
using Softswitch.Calls.Legs;
using Softswitch.Calls.Media;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Dialogs;
using Softswitch.Sip.Stack;

namespace Softswitch.Calls.Signalling;

/// <summary>What the dispatcher needs to take calls: sessions, INVITE authentication, the current dial plan and media.</summary>
public sealed class CallServices
{
    public required SessionRouter Sessions { get; init; }

    public required RequestAuthenticator Authenticator { get; init; }

    /// <summary>The dial plan in force now (configuration reloads swap it).</summary>
    public required Func<DialPlan> DialPlan { get; init; }

    public required CallMediaOptions Media { get; init; }

    /// <summary>The meet-me rooms, one per meet-me route.</summary>
    public required MeetMeRooms MeetMe { get; init; }

    /// <summary>Which Request-URI hosts are ours: an INVITE for any other domain is refused 404.</summary>
    public required LocalDomain Domain { get; init; }

    /// <summary>Concurrency limits and the timeouts that end calls nobody ends.</summary>
    public CallLimits Limits { get; init; } = new();

    public required TimeProvider Time { get; init; }

    /// <summary>The calls in progress; closed by the shutdown drain, after which new INVITEs get 503.</summary>
    public CallRegistry Active { get; init; } = new();

    public required ILoggerFactory Loggers { get; init; }

    /// <summary>What a call to an extension rings (its registered devices and forwards); null: extension routes get 480.</summary>
    public DialTargets? Targets { get; init; }

    /// <summary>Music on hold for bridged calls: a class under sounds/music/.</summary>
    public string MusicOnHold { get; init; } = "default";

    /// <summary>The carriers: recognises their INVITEs (by address or registered Contact), locates them for outbound calls.</summary>
    public TrunkService? Trunks { get; init; }

    /// <summary>The modules that answer routes with an application of theirs (IVR flows); asked in order.</summary>
    public IReadOnlyList<IRouteApplications> Applications { get; init; } = [];

    /// <summary>The ACD's agents, for the agent feature codes (*50-*53); null: no ACD, the codes are not served.</summary>
    public Features.IAgentStates? Agents { get; init; }

    /// <summary>The busy-lamp board calls report their extensions' dialogs to; null: nobody watches.</summary>
    public Presence.ExtensionActivity? Activity { get; init; }
}
