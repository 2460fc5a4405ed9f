namespace Softswitch.Acd.Figures;

/// <summary>One agent's figures over an interval. A null average or share: nothing to average.</summary>
/// <param name="Agent">The agent's extension.</param>
/// <param name="Offers">Calls offered (its phone rang).</param>
/// <param name="NoAnswer">Offers that rang out.</param>
/// <param name="Busy">Offers refused busy.</param>
/// <param name="Answered">Offers answered.</param>
/// <param name="Completed">Conversations that ended.</param>
/// <param name="Talk">Time talking (from the completed conversations).</param>
/// <param name="WrapUp">Time in wrap-up.</param>
/// <param name="Staffed">Time logged in and not paused.</param>
/// <param name="AverageHandleTime">(talk + hold + wrap-up) / completed; hold counts 0.</param>
/// <param name="Occupancy">(talk + wrap-up) / staffed.</param>
/// <param name="CallsPerHour">Completed per staffed hour.</param>
/// <param name="Csat">Survey scores of 4 or 5 / all scores given to this agent's calls.</param>
/// <param name="AverageScore">Mean survey score.</param>
public sealed record AgentFigures(
    string Agent,
    int Offers,
    int NoAnswer,
    int Busy,
    int Answered,
    int Completed,
    TimeSpan Talk,
    TimeSpan WrapUp,
    TimeSpan Staffed,
    TimeSpan? AverageHandleTime,
    double? Occupancy,
    double? CallsPerHour,
    double? Csat,
    double? AverageScore);
