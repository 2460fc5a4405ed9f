using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class VoicemailRulesTests
{
    [TestCase("\"4826\"", TestName = "A voicemail pin of digits is accepted")]
    public void A_good_pin_is_accepted(string pin)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, WithPin(pin));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Options!.Extensions[0].Voicemail!.Pin, Is.EqualTo("4826"));
    }

    [TestCase("\"12a4\"")]
    [TestCase("\"123\"")]
    [TestCase("\"1234567890123\"")]
    public void A_pin_that_is_not_4_to_12_digits_is_an_error_at_its_line(string pin)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, WithPin(pin));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "softswitch.yaml:23:12: extensions[0].voicemail.pin: extension 1001's voicemail pin must be 4-12 digits (it is keyed on a phone)",
        }));
    }

    [Test]
    public void A_pin_of_one_repeated_digit_is_a_warning()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, WithPin("\"0000\""));

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Warnings.Select(p => p.ToString()), Has.Some.Contains("voicemail pin is the first thing anyone would try"));
    }

    // The fixture's 1001 gets a voicemail section after its password (line 21): the pin is on line 23.
    private static string WithPin(string pin) => ConfigFixture.Valid.Replace(
        "    password: s3cret-one\n", $"    password: s3cret-one\n    voicemail:\n      pin: {pin}\n", StringComparison.Ordinal);
}
