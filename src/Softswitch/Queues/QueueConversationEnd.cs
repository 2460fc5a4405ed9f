using System.Globalization;
using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// What follows a queue caller's conversation with an agent: the row gets <c>talk_seconds</c> (answer to the end of
/// the conversation), and when the agent hung up first and the queue has a <c>survey</c> flow, the caller stays on the
/// line in it to rate the call 1-5. The flow's <c>survey_score</c> variable goes on the row as <c>survey_score</c>; its
/// path, keys and result as <c>survey_path</c>, <c>survey_keys</c>, <c>survey_result</c>, so the IVR fields of the flow
/// that led to the queue stay as they were. A caller who hung up ends the call: no survey.
/// </summary>
internal static class QueueConversationEnd
{
    /// <summary>Notes the talk time and runs the survey when due; returns the score given (1-5), or null.</summary>
    /// <param name="channel">The caller, back from the bridge.</param>
    /// <param name="conversation">How the bridge to the agent ended.</param>
    /// <param name="survey">The queue's survey flow, or null.</param>
    /// <param name="applications">Resolves <c>flow:NAME</c> to the flow's application (null when it is not loaded).</param>
    public static async Task<int?> RunAsync(ICallChannel channel, BridgeResult conversation, string? survey, Func<string, ICallApplication?> applications)
    {
        channel.SetRecordField("talk_seconds", ((int)conversation.TalkTime.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        if (survey is not { Length: > 0 } || conversation.Outcome != BridgeOutcome.PartyHungUp || channel.HungUp.IsCancellationRequested) return null;
        channel.SetRecordField("survey", survey);
        if (applications("flow:" + survey) is not { } flow)
        {
            channel.SetRecordField("survey_result", "flow not loaded");
            return null;
        }

        channel.StopMusic();
        // Keys pressed while talking to the agent are not an answer to the survey.
        channel.ClearTypeAhead();
        var surveyed = new SurveyChannel(channel);
        await flow.RunAsync(surveyed).ConfigureAwait(false);
        return surveyed.Score;
    }
}
