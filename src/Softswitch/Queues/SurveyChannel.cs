using System.Text.Json;
using Softswitch.Channels;

namespace Softswitch.Queues;

/// <summary>
/// The caller's channel as a post-call survey flow sees it: everything passes through, but the flow's record fields
/// are renamed <c>ivr_*</c> to <c>survey_*</c> (the flow that led to the queue keeps its own), and the flow's
/// <c>survey_score</c> variable, when it is 1-5, becomes the row's <c>survey_score</c>.
/// </summary>
internal sealed class SurveyChannel(ICallChannel caller) : ICallChannel
{
    /// <summary>The flow variable that holds the caller's rating.</summary>
    public const string ScoreVariable = "survey_score";

    private const string IvrPrefix = "ivr_";

    /// <summary>The rating the caller gave (1-5), once the flow has ended; null when none.</summary>
    public int? Score { get; private set; }

    public string CallUuid => caller.CallUuid;

    public string Caller => caller.Caller;

    public string? CallerName => caller.CallerName;

    public string Dialled => caller.Dialled;

    public CallOrigin Origin => caller.Origin;

    public string Language
    {
        get => caller.Language;
        set => caller.Language = value;
    }

    public CancellationToken HungUp => caller.HungUp;

    public Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default) =>
        caller.PlayAsync(prompts, bargeIn, cancellationToken);

    public Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default) =>
        caller.CollectDigitsAsync(collection, cancellationToken);

    public void ClearTypeAhead() => caller.ClearTypeAhead();

    public Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default) => caller.RecordAsync(request, cancellationToken);

    public void StartMusic(string musicClass = "default") => caller.StartMusic(musicClass);

    public void StopMusic() => caller.StopMusic();

    public Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default) => caller.BridgeAsync(request, cancellationToken);

    public void Hangup() => caller.Hangup();

    public void SetRecordField(string name, string value)
    {
        if (name == IvrPrefix + "variables")
        {
            if (ScoreIn(value) is { } score)
            {
                Score = score;
                caller.SetRecordField(ScoreVariable, score.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            return;
        }

        if (name == IvrPrefix + "flow") return; // the row's "survey" names it
        caller.SetRecordField(name.StartsWith(IvrPrefix, StringComparison.Ordinal) ? "survey_" + name[IvrPrefix.Length..] : name, value);
    }

    /// <summary>The <c>survey_score</c> in the flow's variables (a JSON object of text), when it is 1-5.</summary>
    private static int? ScoreIn(string variables)
    {
        try
        {
            using var json = JsonDocument.Parse(variables);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty(ScoreVariable, out var value)
                && value.ValueKind == JsonValueKind.String
                && value.GetString() is [>= '1' and <= '5'] digit
                ? digit[0] - '0'
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
