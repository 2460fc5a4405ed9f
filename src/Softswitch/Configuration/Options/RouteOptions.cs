using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>
/// One entry of the <c>routes</c> list: a dialled number (or pattern) and exactly one destination.
/// Queue and trunk destinations arrive with the ACD and trunk work.
/// </summary>
public sealed class RouteOptions
{
    /// <summary>
    /// Exact number, or a pattern where X is any digit and a trailing * matches the rest (9XXX, 00*).
    /// A * elsewhere is dialled as it is (feature codes such as *43).
    /// </summary>
    public string Match { get; set; } = "";

    /// <summary>Run this IVR flow (file name without .yaml under <c>ivr.flows</c>).</summary>
    public string? Flow { get; set; }

    /// <summary>Put the caller in this ACD queue (its name under <c>queues</c>).</summary>
    public string? Queue { get; set; }

    /// <summary>Ring this extension.</summary>
    public string? Extension { get; set; }

    /// <summary>Ring this ring group (its number under <c>ring_groups</c>).</summary>
    [ConfigurationKeyName("ring_group")]
    public string? RingGroup { get; set; }

    /// <summary>Call out through this trunk (its name under <c>trunks</c>).</summary>
    public string? Trunk { get; set; }

    /// <summary>Trunk routes: more trunks tried in order when the first answers 5xx/408 or does not answer.</summary>
    public List<string> Failover { get; set; } = [];

    /// <summary>Trunk routes: digits removed from the front of the dialled number (e.g. 1 for an outside-line 9).</summary>
    public int Strip { get; set; }

    /// <summary>Trunk routes: put in front of the number after stripping (e.g. +60).</summary>
    public string? Prefix { get; set; }

    /// <summary>Trunk routes: the permission an extension needs, national (default) or international.</summary>
    public string? Requires { get; set; }

    /// <summary>
    /// Who can reach the route: internal (extensions, the default) or a trunk's inbound context (its <c>context</c>,
    /// from-trunk unless set) for the trunk's DIDs.
    /// </summary>
    public string? Context { get; set; }

    /// <summary>A trunk route in a trunk's inbound context: lets a carrier's call go out on a trunk (off: 403, toll fraud).</summary>
    [ConfigurationKeyName("allow_from_trunks")]
    public bool AllowFromTrunks { get; set; }

    /// <summary>Answer and echo the caller's audio back (a media test).</summary>
    public bool Echo { get; set; }

    /// <summary>Answer and play this music-on-hold class (<c>sounds/music/&lt;name&gt;.wav</c>) until the caller hangs up.</summary>
    public string? Music { get; set; }

    /// <summary>
    /// Meet-me: the first caller waits with music, the second is bridged to the first (their audio relayed, or
    /// transcoded when their codecs differ); a third gets 486 Busy Here until the room is free.
    /// </summary>
    [ConfigurationKeyName("meet_me")]
    public bool MeetMe { get; set; }

    /// <summary>Record calls on this route as stereo WAV under <c>storage.recordings</c>.</summary>
    public bool Record { get; set; }

    /// <summary>A prompt (<c>sounds/&lt;language&gt;/&lt;name&gt;.wav</c>) played when the call is answered; a key press cuts it short.</summary>
    public string? Greeting { get; set; }

    /// <summary>Ring (180 Ringing) this long before answering; 0 answers at once.</summary>
    [ConfigurationKeyName("answer_after_ms")]
    public int AnswerAfterMs { get; set; }
}
