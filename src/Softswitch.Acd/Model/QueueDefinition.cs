namespace Softswitch.Acd.Model;

/// <summary>One queue's routing rules (the music and announcements are the call side's business).</summary>
public sealed record QueueDefinition(string Name)
{
    public AcdStrategy Strategy { get; init; } = AcdStrategy.LongestIdle;

    /// <summary>Skills every agent offered a call must have; a caller may bring its own (the IVR's queue node).</summary>
    public IReadOnlyList<SkillRequirement> RequiredSkills { get; init; } = [];

    /// <summary>Steps that widen the agents a caller accepts as the wait grows, in order of <see cref="RelaxationStep.AfterWait"/>.</summary>
    public IReadOnlyList<RelaxationStep> Relaxation { get; init; } = [];

    /// <summary>A caller still waiting after this long leaves to <see cref="OverflowDestination"/>; null: no limit.</summary>
    public TimeSpan? MaxWait { get; init; }

    /// <summary>Where callers go when the wait is too long or the queue empties (another queue, voicemail, a flow): the call side reads it.</summary>
    public string? OverflowDestination { get; init; }

    /// <summary>False: a caller is refused when no agent of the queue is logged in and unpaused.</summary>
    public bool JoinWhenEmpty { get; init; } = true;

    /// <summary>True: waiting callers leave (to the overflow) when the last logged-in, unpaused agent goes.</summary>
    public bool LeaveWhenEmpty { get; init; }

    /// <summary>Most callers waiting at once; 0: no limit.</summary>
    public int MaxLength { get; init; }

    /// <summary>How long one offer rings an agent before the call side reports no answer.</summary>
    public TimeSpan RingTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>After a call from this queue the agent gets no offer for this long.</summary>
    public TimeSpan WrapUp { get; init; }

    /// <summary>Answered within this wait counts toward the service level.</summary>
    public TimeSpan ServiceLevelThreshold { get; init; } = TimeSpan.FromSeconds(20);
}
