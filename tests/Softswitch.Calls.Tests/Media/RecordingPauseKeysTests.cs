using Microsoft.Extensions.Time.Testing;
using Softswitch.Calls.Media;

namespace Softswitch.Calls.Tests.Media;

public sealed class RecordingPauseKeysTests
{
    private readonly FakeTimeProvider _time = new();

    private RecordingPauseCommand[] Press(RecordingPauseKeys keys, string typed) => [.. typed.Select(keys.OnKey)];

    [Test]
    public void The_default_codes_pause_on_star_1_and_resume_on_star_2_at_their_last_key()
    {
        var keys = new RecordingPauseKeys(new RecordingPauseCodes(), _time);

        Assert.That(Press(keys, "*1"), Is.EqualTo(new[] { RecordingPauseCommand.None, RecordingPauseCommand.Pause }));
        Assert.That(Press(keys, "4111*2"), Is.EqualTo(new[]
        {
            RecordingPauseCommand.None, RecordingPauseCommand.None, RecordingPauseCommand.None, RecordingPauseCommand.None,
            RecordingPauseCommand.None, RecordingPauseCommand.Resume,
        }));
    }

    [Test]
    public void A_code_whose_keys_are_further_apart_than_the_inter_digit_timeout_is_not_taken()
    {
        var keys = new RecordingPauseKeys(new RecordingPauseCodes(), _time);

        keys.OnKey('*');
        _time.Advance(RecordingPauseCodes.InterDigitTimeout + TimeSpan.FromMilliseconds(1));
        Assert.That(keys.OnKey('1'), Is.EqualTo(RecordingPauseCommand.None));
        keys.OnKey('*');
        _time.Advance(RecordingPauseCodes.InterDigitTimeout);
        Assert.That(keys.OnKey('1'), Is.EqualTo(RecordingPauseCommand.Pause), "just within the timeout");
    }

    [Test]
    public void Configured_codes_of_several_keys_are_matched_after_any_number_of_other_keys()
    {
        var keys = new RecordingPauseKeys(new RecordingPauseCodes("##7", "##8"), _time);

        Assert.That(Press(keys, "123456789##7").Last(), Is.EqualTo(RecordingPauseCommand.Pause));
        Assert.That(Press(keys, "#7").Last(), Is.EqualTo(RecordingPauseCommand.None), "the keys of the last code were forgotten");
        Assert.That(Press(keys, "##8").Last(), Is.EqualTo(RecordingPauseCommand.Resume));
    }

    [TestCase("*1", true)]
    [TestCase("#A9", true)]
    [TestCase("", false)]
    [TestCase("*x", false)]
    [TestCase("123456789", false)]
    public void A_code_is_one_to_eight_dtmf_keys(string code, bool valid) =>
        Assert.That(RecordingPauseCodes.IsValid(code), Is.EqualTo(valid));
}
