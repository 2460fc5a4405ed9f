using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Options;

/// <summary>One entry of <c>queues</c>: an ACD queue's routing rules and what its callers hear (docs/ACD.md).</summary>
public sealed class QueueOptions
{
    /// <summary>The queue's name (routes and IVR flows name it).</summary>
    public string Name { get; set; } = "";

    /// <summary><c>longest_idle</c> (default), <c>ring_all</c>, <c>round_robin</c>, <c>fewest_calls</c> or <c>random</c>.</summary>
    public string Strategy { get; set; } = "longest_idle";

    /// <summary>Skills an agent needs, each at a minimum level.</summary>
    public List<SkillLevelOptions> Skills { get; set; } = [];

    /// <summary>Steps that widen the agents a caller accepts as the wait grows.</summary>
    public List<QueueRelaxationOptions> Relaxation { get; set; } = [];

    /// <summary>A caller still waiting after this long leaves to <see cref="Overflow"/>; 0: no limit.</summary>
    [ConfigurationKeyName("max_wait_seconds")]
    public int MaxWaitSeconds { get; set; }

    /// <summary>Where callers go after the maximum wait or when the queue empties: queue:NAME, voicemail:EXTENSION or flow:NAME.</summary>
    public string? Overflow { get; set; }

    /// <summary>False: a caller is refused while no agent of the queue is logged in and unpaused.</summary>
    [ConfigurationKeyName("join_when_empty")]
    public bool JoinWhenEmpty { get; set; } = true;

    /// <summary>True: waiting callers leave to the overflow when the last logged-in, unpaused agent goes.</summary>
    [ConfigurationKeyName("leave_when_empty")]
    public bool LeaveWhenEmpty { get; set; }

    /// <summary>Most callers waiting at once; 0: no limit.</summary>
    [ConfigurationKeyName("max_length")]
    public int MaxLength { get; set; }

    /// <summary>How long an agent rings before the next one is tried.</summary>
    [ConfigurationKeyName("ring_timeout_seconds")]
    public int RingTimeoutSeconds { get; set; } = 20;

    /// <summary>After a call from this queue, the agent gets no offer for this long.</summary>
    [ConfigurationKeyName("wrap_up_seconds")]
    public int WrapUpSeconds { get; set; }

    /// <summary>The music class callers hear while they wait and while an agent rings (<c>sounds/music/&lt;class&gt;.wav</c>).</summary>
    public string Music { get; set; } = "default";

    /// <summary>How long a waiting caller hears only music before the first announcement.</summary>
    [ConfigurationKeyName("announce_delay_seconds")]
    public int AnnounceDelaySeconds { get; set; }

    /// <summary>The position and estimated wait are said again this long after the last time; 0: said once.</summary>
    [ConfigurationKeyName("announce_every_seconds")]
    public int AnnounceEverySeconds { get; set; }

    /// <summary>Say "you are caller number N".</summary>
    [ConfigurationKeyName("announce_position")]
    public bool AnnouncePosition { get; set; } = true;

    /// <summary>Say "the estimated wait is M minutes" (from the queue's live figures; nothing while it has none).</summary>
    [ConfigurationKeyName("announce_estimated_wait")]
    public bool AnnounceEstimatedWait { get; set; } = true;

    /// <summary>A prompt (<c>sounds/&lt;language&gt;/NAME.wav</c>) played to waiting callers every <see cref="PeriodicEverySeconds"/>; none: no periodic message.</summary>
    [ConfigurationKeyName("periodic_message")]
    public string? PeriodicMessage { get; set; }

    /// <summary>The periodic message comes this long after <see cref="AnnounceDelaySeconds"/>, then this long after the end of the last one.</summary>
    [ConfigurationKeyName("periodic_every_seconds")]
    public int PeriodicEverySeconds { get; set; } = 60;

    /// <summary>Record every conversation with an agent (stereo WAV under <c>storage.recordings</c>).</summary>
    public bool Record { get; set; }

    /// <summary>
    /// A flow (<c>ivr-flows/NAME.yaml</c>) the caller is kept in when the agent hangs up first: a 1-5 rating whose
    /// variable <c>survey_score</c> goes on the call's row. Empty: no survey.
    /// </summary>
    public string? Survey { get; set; }

    /// <summary>Answered within this wait counts toward the service level.</summary>
    [ConfigurationKeyName("service_level_seconds")]
    public int ServiceLevelSeconds { get; set; } = 20;

    /// <summary>Virtual hold: waiting callers may press a key to be called back in their place.</summary>
    public QueueCallbackOptions Callback { get; set; } = new();

    /// <summary>First-call resolution in <c>softswitch report</c>: an answered caller whose number does not call this queue again within this many hours.</summary>
    [ConfigurationKeyName("fcr_hours")]
    public int FcrHours { get; set; } = 24;
}
