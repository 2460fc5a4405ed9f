namespace Softswitch.Acd.Figures;

/// <summary>One queue's figures over an interval (docs/ACD.md, "Figures"). A null average or share: nothing to average.</summary>
/// <param name="Queue">The queue's name.</param>
/// <param name="Offered">Callers who entered the queue.</param>
/// <param name="Answered">Callers an agent answered.</param>
/// <param name="Abandoned">Callers who hung up while waiting or ringing an agent.</param>
/// <param name="AbandonedWithinThreshold">Of those, the ones who waited no longer than the service-level threshold ("short" abandons).</param>
/// <param name="Overflowed">Callers sent to the overflow destination.</param>
/// <param name="AnsweredWithinThreshold">Answered after a wait no longer than the threshold.</param>
/// <param name="ServiceLevel">AnsweredWithinThreshold / Offered: short abandons stay in Offered, so they count against it.</param>
/// <param name="AverageSpeedOfAnswer">Mean wait of the answered callers.</param>
/// <param name="AverageHandleTime">(talk + hold + wrap-up) / completed calls; hold is not tracked yet and counts 0.</param>
/// <param name="LongestWait">The longest wait of any caller who was answered, abandoned, overflowed or asked for a callback.</param>
/// <param name="FirstCallResolution">Answered callers whose number did not enter the queue again within the window / answered callers with a number.</param>
/// <param name="Csat">Survey scores of 4 or 5 / all scores.</param>
/// <param name="AverageScore">Mean survey score.</param>
/// <param name="Surveys">Survey scores given.</param>
/// <param name="Transfers">Transfers by the agents.</param>
/// <param name="CallbacksRequested">Callers who asked to be called back.</param>
public sealed record QueueFigures(
    string Queue,
    int Offered,
    int Answered,
    int Abandoned,
    int AbandonedWithinThreshold,
    int Overflowed,
    int AnsweredWithinThreshold,
    double? ServiceLevel,
    TimeSpan? AverageSpeedOfAnswer,
    TimeSpan? AverageHandleTime,
    TimeSpan LongestWait,
    double? FirstCallResolution,
    double? Csat,
    double? AverageScore,
    int Surveys,
    int Transfers,
    int CallbacksRequested);
