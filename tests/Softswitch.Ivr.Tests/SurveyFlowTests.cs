using System.Text.Json;
using Softswitch.Ivr.Loading;
using Softswitch.Ivr.Simulation;
using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>The committed post-call survey (ivr-flows/survey.yaml): a 1-5 key is the variable survey_score.</summary>
public sealed class SurveyFlowTests
{
    private static readonly string[] Prompts = ["survey-question", "survey-thanks", "invalid", "timeout", "goodbye"];

    private FlowWorkspace _workspace = null!;

    [SetUp]
    public void CopyTheSurvey()
    {
        _workspace = new FlowWorkspace();
        File.Copy(Path.Combine(DemoFlowTests.RepositoryRoot(), "ivr-flows", "survey.yaml"), Path.Combine(_workspace.Flows, "survey.yaml"));
        foreach (var language in new[] { "en", "ms", "id" }) _workspace.AddPrompts(language, Prompts);
    }

    [TearDown]
    public void Delete() => _workspace.Dispose();

    private Task<SimulatedCall> Call(string keys)
    {
        var clock = new SimulationClock(DateTimeOffset.UnixEpoch);
        return _workspace.RunAsync("survey", keys, _workspace.Services(clock), clock);
    }

    private static string? Score(SimulatedCall call)
    {
        using var variables = JsonDocument.Parse(call.Channel.RecordFields["ivr_variables"]);
        return variables.RootElement.TryGetProperty("survey_score", out var score) ? score.GetString() : null;
    }

    [Test]
    public void The_survey_checks_clean_in_english_malay_and_indonesian()
    {
        var result = FlowFolder.Load(_workspace.Flows, _workspace.Services(new SimulationClock(DateTimeOffset.UnixEpoch)));
        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Flows["survey"].Languages, Is.EqualTo(new[] { "en", "ms", "id" }));
    }

    [Test]
    public async Task A_key_from_1_to_5_is_the_score_and_the_caller_is_thanked()
    {
        var call = await Call("4");
        Assert.That(Score(call), Is.EqualTo("4"));
        Assert.That(call.PromptNames, Is.EqualTo(new[] { "survey-question", "survey-thanks" }));
        Assert.That(call.Result, Is.EqualTo("hangup"));
    }

    [Test]
    public async Task A_key_outside_1_to_5_is_asked_again_and_silence_ends_without_a_score()
    {
        var again = await Call("7,2");
        Assert.That(Score(again), Is.EqualTo("2"));
        // The 2 cuts the invalid prompt short and is the answer to the question asked again (its prompt then skipped).
        Assert.That(again.PromptNames, Is.EqualTo(new[] { "survey-question", "invalid", "survey-thanks" }));

        var silent = await Call(",");
        Assert.That(Score(silent), Is.Null);
        Assert.That(silent.PromptNames.Last(), Is.EqualTo("goodbye"));
    }
}
