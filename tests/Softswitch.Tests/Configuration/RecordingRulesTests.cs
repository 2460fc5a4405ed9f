using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class RecordingRulesTests
{
    [Test]
    public void The_defaults_pause_on_star_1_resume_on_star_2_and_keep_recordings_and_voicemail_forever()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid);

        Assert.That(result.Problems, Is.Empty);
        var options = result.Options!;
        Assert.That((options.Recording.PauseCode, options.Recording.ResumeCode), Is.EqualTo(("*1", "*2")));
        Assert.That((options.Storage.RecordingRetentionDays, options.Storage.VoicemailRetentionDays), Is.EqualTo((0, 0)));
    }

    [Test]
    public void Codes_and_retentions_are_read_from_their_keys()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid
            + "\nrecording:\n  pause_code: \"##7\"\n  resume_code: \"##8\"\nstorage:\n  recording_retention_days: 90\n  voicemail_retention_days: 30\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That((result.Options!.Recording.PauseCode, result.Options.Recording.ResumeCode), Is.EqualTo(("##7", "##8")));
        Assert.That((result.Options.Storage.RecordingRetentionDays, result.Options.Storage.VoicemailRetentionDays), Is.EqualTo((90, 30)));
    }

    [TestCase("pause_code: \"*x\"", "recording.pause_code")]
    [TestCase("resume_code: \"*1\"", "recording.resume_code")]
    [TestCase("resume_code: \"123456789\"", "recording.resume_code")]
    public void A_code_that_is_not_dtmf_keys_or_clashes_with_the_other_is_an_error(string line, string key)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + "\nrecording:\n  " + line + "\n");

        Assert.That(result.Problems.Select(p => p.Key), Is.EqualTo(new[] { key }));
    }

    [Test]
    public void A_negative_retention_is_an_error()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + "\nstorage:\n  recording_retention_days: -1\n");

        Assert.That(result.Problems.Select(p => p.Key), Is.EqualTo(new[] { "storage.recording_retention_days" }));
    }
}
