namespace Softswitch.Acd.Routing;

/// <summary>One caller in a queue: waiting in the pool of its relaxation level, or being offered.</summary>
internal sealed class CallerRecord(string callId, QueueRecord queue, AgentPool[] levels, int priority, long enteredTicks, long sequence, long ticket)
{
    public string CallId { get; } = callId;

    public QueueRecord Queue { get; } = queue;

    /// <summary>The pool of each relaxation level: index 0 the configured skills, then one per step.</summary>
    public AgentPool[] Levels { get; } = levels;

    public int Level { get; set; }

    public AgentPool Pool => Levels[Level];

    public int Priority { get; } = priority;

    public long EnteredTicks { get; } = enteredTicks;

    /// <summary>Engine-wide arrival order: FIFO among equal priority and time.</summary>
    public long Sequence { get; } = sequence;

    /// <summary>Arrival order within the queue (its position ranking).</summary>
    public long Ticket { get; } = ticket;

    public bool Waiting { get; set; }

    /// <summary>
    /// A virtual caller: it asked to be called back and hung up. It keeps its place (its entry time) and stays eligible,
    /// but no maximum wait or empty queue sends it to an overflow: nobody is on the line to send.
    /// </summary>
    public bool Callback { get; set; }

    /// <summary>When a virtual caller whose callback was not answered waits in its place again; 0 when it is not pausing.</summary>
    public long RetryDueTicks { get; set; }

    /// <summary>False once the caller was connected, left or overflowed: its timers are then stale.</summary>
    public bool Present { get; set; } = true;

    public List<OfferRecord> Offers { get; } = new(1);
}
