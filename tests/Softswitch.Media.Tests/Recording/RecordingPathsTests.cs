using Microsoft.Extensions.Time.Testing;
using Softswitch.Media.Recording;

namespace Softswitch.Media.Tests.Recording;

public sealed class RecordingPathsTests
{
    private static readonly DateTimeOffset March7 = new(2025, 3, 7, 23, 30, 0, TimeSpan.FromHours(8));

    [Test]
    public void A_recording_goes_under_year_month_day_folders_named_by_its_start_and_the_call_uuid()
    {
        string path = RecordingPaths.For("/var/rec", "0193a1b2c3d47e8f9a0b1c2d3e4f5a6b", March7);
        Assert.That(path, Is.EqualTo("/var/rec/2025/03/07/20250307-233000-0193a1b2c3d47e8f9a0b1c2d3e4f5a6b.wav"));
    }

    [Test]
    public void The_date_is_the_one_of_the_time_given()
    {
        Assert.That(RecordingPaths.For("r", "x", March7.ToUniversalTime()), Is.EqualTo("r/2025/03/07/20250307-153000-x.wav".Replace('/', Path.DirectorySeparatorChar)));
        Assert.That(RecordingPaths.For("r", "x", March7.AddHours(1)), Does.Contain(Path.Combine("2025", "03", "08")));
    }

    [Test]
    public void Call_uuids_drawn_at_the_same_instant_are_distinct_and_sort_by_time()
    {
        var time = new FakeTimeProvider(March7);
        var first = Enumerable.Range(0, 1000).Select(_ => RecordingPaths.NewCallUuid(time)).ToList();
        time.Advance(TimeSpan.FromMilliseconds(1));
        var later = RecordingPaths.NewCallUuid(time);

        Assert.That(first.Distinct().Count(), Is.EqualTo(1000), "no two calls share a name, even started together");
        Assert.That(first.All(id => id.Length == 32 && id.All(char.IsAsciiHexDigitLower)), Is.True);
        Assert.That(first.All(id => string.CompareOrdinal(id, later) < 0), Is.True, "a later call sorts after");
    }

    [TestCase("abc-123_x.y@host", "abc-123_x.y@host")]
    [TestCase("a/b", "a_b-")]
    [TestCase("../../etc/passwd", "_._.._etc_passwd-")]
    [TestCase("id:with spaces", "id_with_spaces-")]
    [TestCase("ünï", "_n_-")]
    public void Call_ids_become_safe_file_names(string callId, string expectedStart)
    {
        string name = RecordingPaths.SafeFileName(callId);
        Assert.That(name, Does.StartWith(expectedStart));
        Assert.That(name.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_'), Is.True, name);
        Assert.That(name, Does.Not.StartWith("."));
        Assert.That(Path.GetFileName(RecordingPaths.For("root", callId, March7)), Is.EqualTo("20250307-233000-" + name + ".wav"));
    }

    [Test]
    public void Call_ids_that_differ_only_in_unsafe_characters_get_different_names()
    {
        Assert.That(RecordingPaths.SafeFileName("a/b"), Is.Not.EqualTo(RecordingPaths.SafeFileName("a:b")));
        Assert.That(RecordingPaths.SafeFileName("a/b"), Is.EqualTo(RecordingPaths.SafeFileName("a/b")), "stable");
    }

    [Test]
    public void A_very_long_call_id_is_cut_but_stays_distinct()
    {
        string first = new string('a', 300) + "1";
        string second = new string('a', 300) + "2";
        Assert.That(RecordingPaths.SafeFileName(first).Length, Is.LessThan(140));
        Assert.That(RecordingPaths.SafeFileName(first), Is.Not.EqualTo(RecordingPaths.SafeFileName(second)));
    }

    [Test]
    public void An_empty_call_id_is_refused()
    {
        Assert.That(() => RecordingPaths.For("root", "", March7), Throws.ArgumentException);
    }
}
