using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Speech;

/// <summary>
/// The exact prompt sequences per language. Expected sequences are written as space-separated prompt names where a
/// name without a folder is under <c>numbers/</c> ("1 hundred and 20 3" is numbers/1 numbers/hundred numbers/and numbers/20 numbers/3).
/// </summary>
public sealed class SpokenNumbersTests
{
    private readonly SpokenNumbers _speaker = new();

    private string Say(SayKind kind, string value, string language)
    {
        bool ok = _speaker.TrySay(kind, value, language, out IReadOnlyList<string> prompts, out string? error);
        Assert.That(ok, Is.True, error);
        Assert.That(error, Is.Null);
        return string.Join(" ", prompts.Select(name => name.StartsWith("numbers/", StringComparison.Ordinal) ? name["numbers/".Length..] : name));
    }

    [TestCase("0", "0")]
    [TestCase("7", "7")]
    [TestCase("10", "10")]
    [TestCase("11", "11")]
    [TestCase("15", "15")]
    [TestCase("19", "19")]
    [TestCase("20", "20")]
    [TestCase("21", "20 1")]
    [TestCase("99", "90 9")]
    [TestCase("100", "1 hundred")]
    [TestCase("101", "1 hundred and 1")]
    [TestCase("110", "1 hundred and 10")]
    [TestCase("123", "1 hundred and 20 3")]
    [TestCase("999", "9 hundred and 90 9")]
    [TestCase("1000", "1 thousand")]
    [TestCase("1001", "1 thousand and 1")]
    [TestCase("1010", "1 thousand and 10")]
    [TestCase("1100", "1 thousand 1 hundred")]
    [TestCase("1234", "1 thousand 2 hundred and 30 4")]
    [TestCase("12005", "12 thousand and 5")]
    [TestCase("100000", "1 hundred thousand")]
    [TestCase("101000", "1 hundred and 1 thousand")]
    [TestCase("1000000", "1 million")]
    [TestCase("2000005", "2 million and 5")]
    [TestCase("2000100", "2 million 1 hundred")]
    [TestCase("1234567", "1 million 2 hundred and 30 4 thousand 5 hundred and 60 7")]
    [TestCase("1000000000", "1 billion")]
    [TestCase("999999999999", "9 hundred and 90 9 billion 9 hundred and 90 9 million 9 hundred and 90 9 thousand 9 hundred and 90 9")]
    [TestCase("5000000000000", "5 trillion")]
    [TestCase("-42", "minus 40 2")]
    [TestCase("007", "7")]
    [TestCase(" 15 ", "15")]
    public void English_numbers_use_and_after_hundreds_and_before_a_last_group_below_a_hundred(string value, string expected)
    {
        Assert.That(Say(SayKind.Number, value, "en"), Is.EqualTo(expected));
    }

    [TestCase("0", "0")]
    [TestCase("10", "10")]
    [TestCase("11", "11")]
    [TestCase("12", "12")]
    [TestCase("19", "19")]
    [TestCase("23", "20 3")]
    [TestCase("100", "100")]
    [TestCase("101", "100 1")]
    [TestCase("111", "100 11")]
    [TestCase("123", "100 20 3")]
    [TestCase("200", "2 hundred")]
    [TestCase("345", "3 hundred 40 5")]
    [TestCase("1000", "1000")]
    [TestCase("1001", "1000 1")]
    [TestCase("1100", "1000 100")]
    [TestCase("2000", "2 thousand")]
    [TestCase("11000", "11 thousand")]
    [TestCase("100000", "100 thousand")]
    [TestCase("101000", "100 1 thousand")]
    [TestCase("1000000", "1000000")]
    [TestCase("1001000", "1000000 1000")]
    [TestCase("2000005", "2 million 5")]
    [TestCase("3689745", "3 million 6 hundred 80 9 thousand 7 hundred 40 5")]
    [TestCase("1000000000", "1 billion")]
    [TestCase("-8", "minus 8")]
    public void Malay_numbers_contract_one_ten_hundred_thousand_and_million(string value, string expected)
    {
        Assert.That(Say(SayKind.Number, value, "ms"), Is.EqualTo(expected));
    }

    [TestCase("0", "0")]
    [TestCase("11", "11")]
    [TestCase("12", "12")]
    [TestCase("123", "100 20 3")]
    [TestCase("1000", "1000")]
    [TestCase("1001", "1000 1")]
    [TestCase("1100", "1000 100")]
    [TestCase("8015", "8 thousand 15")]
    [TestCase("408305", "4 hundred 8 thousand 3 hundred 5")]
    [TestCase("1000000", "1 million")]
    [TestCase("2000005", "2 million 5")]
    [TestCase("3178856", "3 million 100 70 8 thousand 8 hundred 50 6")]
    [TestCase("1000000000", "1 billion")]
    [TestCase("1000000000000", "1 trillion")]
    public void Indonesian_numbers_contract_only_up_to_a_thousand(string value, string expected)
    {
        Assert.That(Say(SayKind.Number, value, "id"), Is.EqualTo(expected));
    }

    [TestCase("en", "12.50", "12 money/ringgit and 50 money/sen")]
    [TestCase("en", "12.5", "12 money/ringgit and 50 money/sen")]
    [TestCase("en", "0.05", "5 money/sen")]
    [TestCase("en", "1.00", "1 money/ringgit")]
    [TestCase("en", "0", "0 money/ringgit")]
    [TestCase("en", "1234.99", "1 thousand 2 hundred and 30 4 money/ringgit and 90 9 money/sen")]
    [TestCase("en", "2.005", "2 money/ringgit and 1 money/sen")]
    [TestCase("en", "-3.10", "minus 3 money/ringgit and 10 money/sen")]
    [TestCase("ms", "12.50", "12 money/ringgit 50 money/sen")]
    [TestCase("ms", "0.05", "5 money/sen")]
    [TestCase("ms", "1.00", "1 money/ringgit")]
    [TestCase("ms", "1000.10", "1000 money/ringgit 10 money/sen")]
    [TestCase("id", "12.50", "13 money/rupiah")]
    [TestCase("id", "12.49", "12 money/rupiah")]
    [TestCase("id", "0.05", "0 money/rupiah")]
    [TestCase("id", "1.00", "1 money/rupiah")]
    [TestCase("id", "150000", "100 50 thousand money/rupiah")]
    public void Money_is_said_in_the_language_s_currency(string language, string value, string expected)
    {
        Assert.That(Say(SayKind.Money, value, language), Is.EqualTo(expected));
    }

    [TestCase("en", "0123 456*#", "digits/0 digits/1 digits/2 digits/3 digits/4 digits/5 digits/6 star hash")]
    [TestCase("ms", "+60-12", "digits/6 digits/0 digits/1 digits/2")]
    [TestCase("id", "908", "digits/9 digits/0 digits/8")]
    public void Digits_are_said_one_by_one(string language, string value, string expected)
    {
        Assert.That(Say(SayKind.Digits, value, language), Is.EqualTo(expected));
    }

    [TestCase("en", "2026-11-23", "ordinals/23 months/11 20 20 6")]
    [TestCase("en", "1999-01-01", "ordinals/1 months/1 19 90 9")]
    [TestCase("en", "2005-03-31", "ordinals/31 months/3 2 thousand and 5")]
    [TestCase("en", "2000-12-09", "ordinals/9 months/12 2 thousand")]
    [TestCase("en", "1900-07-04", "ordinals/4 months/7 19 hundred")]
    [TestCase("en", "1905-07-04", "ordinals/4 months/7 19 hundred and 5")]
    [TestCase("en", "2010-02-28", "ordinals/28 months/2 20 10")]
    [TestCase("en", "2026-11-23T09:30:00+08:00", "ordinals/23 months/11 20 20 6")]
    [TestCase("ms", "2026-11-23", "20 3 months/11 2 thousand 20 6")]
    [TestCase("ms", "2001-08-01", "1 months/8 2 thousand 1")]
    [TestCase("id", "2026-11-23", "20 3 months/11 2 thousand 20 6")]
    [TestCase("id", "1986-10-11", "11 months/10 1000 9 hundred 80 6")]
    public void Dates_are_day_month_year(string language, string value, string expected)
    {
        Assert.That(Say(SayKind.Date, value, language), Is.EqualTo(expected));
    }

    [TestCase("en", "14:05", "2 time/oh 5 time/pm")]
    [TestCase("en", "09:00", "9 time/am")]
    [TestCase("en", "00:30", "12 30 time/am")]
    [TestCase("en", "12:00", "12 time/pm")]
    [TestCase("en", "23:59", "11 50 9 time/pm")]
    [TestCase("en", "7:15", "7 15 time/am")]
    [TestCase("ms", "00:15", "time/pukul 12 15 time/minit time/tengah-malam")]
    [TestCase("ms", "09:00", "time/pukul 9 time/pagi")]
    [TestCase("ms", "13:30", "time/pukul 1 30 time/minit time/tengah-hari")]
    [TestCase("ms", "14:05", "time/pukul 2 5 time/minit time/petang")]
    [TestCase("ms", "18:59", "time/pukul 6 50 9 time/minit time/petang")]
    [TestCase("ms", "19:00", "time/pukul 7 time/malam")]
    [TestCase("id", "14:05", "time/pukul 14 time/lewat 5 time/menit")]
    [TestCase("id", "00:00", "time/pukul 0")]
    [TestCase("id", "09:45:10", "time/pukul 9 time/lewat 40 5 time/menit")]
    [TestCase("id", "2026-11-23T21:10:00Z", "time/pukul 20 1 time/lewat 10 time/menit")]
    public void Times_follow_each_language_s_clock(string language, string value, string expected)
    {
        Assert.That(Say(SayKind.Time, value, language), Is.EqualTo(expected));
    }

    [TestCase(SayKind.Number, "12.5")]
    [TestCase(SayKind.Number, "abc")]
    [TestCase(SayKind.Number, "")]
    [TestCase(SayKind.Number, "1000000000000000")]
    [TestCase(SayKind.Digits, "12a")]
    [TestCase(SayKind.Digits, " - ")]
    [TestCase(SayKind.Money, "12,50")]
    [TestCase(SayKind.Money, "1e3")]
    [TestCase(SayKind.Date, "23/11/2026")]
    [TestCase(SayKind.Date, "2026-02-30")]
    [TestCase(SayKind.Time, "24:00")]
    [TestCase(SayKind.Time, "2pm")]
    public void A_value_that_cannot_be_read_is_refused_with_a_reason(SayKind kind, string value)
    {
        bool ok = _speaker.TrySay(kind, value, "en", out IReadOnlyList<string> prompts, out string? error);

        Assert.That(ok, Is.False);
        Assert.That(prompts, Is.Empty);
        Assert.That(error, Is.Not.Null.And.Not.Empty);
    }

    [Test]
    public void A_language_without_a_grammar_is_refused_and_has_no_prompts()
    {
        Assert.That(_speaker.Speaks("fr"), Is.False);
        Assert.That(_speaker.TrySay(SayKind.Number, "1", "fr", out _, out string? error), Is.False);
        Assert.That(error, Does.Contain("fr"));
        Assert.That(_speaker.PromptNames("fr"), Is.Empty);
        Assert.That(_speaker.Speaks("EN"), Is.True, "language tags are case-insensitive");
    }

    [TestCase("en")]
    [TestCase("ms")]
    [TestCase("id")]
    public void Every_prompt_said_for_a_wide_range_of_values_is_in_the_prompt_names(string language)
    {
        var names = _speaker.PromptNames(language).ToHashSet();
        var used = new HashSet<string>();
        var values = new List<(SayKind Kind, string Value)>();
        for (long n = -1000; n <= 3000; n++)
        {
            values.Add((SayKind.Number, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (long n = 1; n < 999_999_999_999_999; n = n * 7 + 3)
        {
            values.Add((SayKind.Number, n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        foreach (string round in new[] { "1000000", "2000000", "1000000000", "1000000000000", "2000000000000" })
        {
            values.Add((SayKind.Number, round));
        }

        values.Add((SayKind.Digits, "0123456789*#"));
        for (int cents = 0; cents < 300; cents += 7)
        {
            values.Add((SayKind.Money, $"{cents / 100}.{cents % 100:00}"));
        }

        for (var date = new DateOnly(1999, 12, 25); date < new DateOnly(2001, 1, 5); date = date.AddDays(1))
        {
            values.Add((SayKind.Date, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (int minute = 0; minute < 24 * 60; minute += 13)
        {
            values.Add((SayKind.Time, $"{minute / 60:00}:{minute % 60:00}"));
        }

        foreach ((SayKind kind, string value) in values)
        {
            Assert.That(_speaker.TrySay(kind, value, language, out IReadOnlyList<string> prompts, out string? error), Is.True, $"{kind} {value}: {error}");
            used.UnionWith(prompts);
        }

        Assert.That(used.Except(names), Is.Empty, "prompts said but not listed");
        Assert.That(names.Except(used), Is.Empty, "prompts listed but never said");
    }
}
