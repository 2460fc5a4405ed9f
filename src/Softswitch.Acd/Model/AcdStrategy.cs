namespace Softswitch.Acd.Model;

/// <summary>How a queue picks among the available agents who qualify for a caller.</summary>
public enum AcdStrategy
{
    /// <summary>The agent whose last call ended earliest (ties by configuration order). The default.</summary>
    LongestIdle,

    /// <summary>Every qualifying available agent rings at once; the first to answer takes the call.</summary>
    RingAll,

    /// <summary>The agent this queue offered a call to least recently (ties by configuration order).</summary>
    RoundRobin,

    /// <summary>The agent who has answered the fewest calls, then the longest idle.</summary>
    FewestCalls,

    /// <summary>Any qualifying available agent, uniformly at random.</summary>
    Random,
}
