using Softswitch.Media.Dtmf;

namespace Softswitch.Media.Tests.Dtmf;

public class DtmfDigitsTests
{
    [Test]
    [Description("RFC 4733 §3.2")]
    public void Event_codes_map_to_the_sixteen_keys()
    {
        var keys = Enumerable.Range(0, 16).Select(code => DtmfDigits.TryFromEventCode(code, out var d) ? d.ToChar() : '?');

        Assert.That(string.Concat(keys), Is.EqualTo("0123456789*#ABCD"));
        Assert.That(DtmfDigits.TryFromEventCode(16, out _), Is.False);
        Assert.That(DtmfDigits.TryFromEventCode(-1, out _), Is.False);
    }

    [Test]
    public void Characters_round_trip_and_letters_accept_lower_case()
    {
        foreach (var c in "0123456789*#ABCD")
        {
            Assert.That(DtmfDigits.TryFromChar(c, out var digit) && digit.ToChar() == c, Is.True, c.ToString());
        }
        Assert.That(DtmfDigits.TryFromChar('c', out var lower) ? lower : (DtmfDigit?)null, Is.EqualTo(DtmfDigit.C));
        Assert.That(DtmfDigits.TryFromChar('E', out _), Is.False);
        Assert.That(DtmfDigits.TryFromChar(' ', out _), Is.False);
    }

    [Test]
    public void Keypad_frequencies_follow_the_standard_layout()
    {
        Assert.That(DtmfDigit.One.Frequencies(), Is.EqualTo((697, 1209)));
        Assert.That(DtmfDigit.Zero.Frequencies(), Is.EqualTo((941, 1336)));
        Assert.That(DtmfDigit.Pound.Frequencies(), Is.EqualTo((941, 1477)));
        Assert.That(DtmfDigit.Star.Frequencies(), Is.EqualTo((941, 1209)));
        Assert.That(DtmfDigit.B.Frequencies(), Is.EqualTo((770, 1633)));
        Assert.That(DtmfDigits.FromKeypad(2, 1), Is.EqualTo(DtmfDigit.Eight));
    }
}
