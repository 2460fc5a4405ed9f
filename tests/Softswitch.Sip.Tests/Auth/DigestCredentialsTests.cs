using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public class DigestCredentialsTests
{
    private const string Rfc3261Example =
        "Digest username=\"bob\",\r\n realm=\"biloxi.com\",\r\n nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\",\r\n" +
        " uri=\"sip:bob@biloxi.com\",\r\n qop=auth,\r\n nc=00000001,\r\n cnonce=\"0a4f113b\",\r\n" +
        " response=\"6629fae49393a05397450978507c4ef1\",\r\n opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"";

    [Test]
    [Description("RFC 3261 §22.4 example, with folded lines")]
    public void Parses_every_parameter_of_the_rfc_3261_example()
    {
        Assert.That(DigestCredentials.TryParse(Rfc3261Example, out var c), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Username, Is.EqualTo("bob"));
            Assert.That(c.Realm, Is.EqualTo("biloxi.com"));
            Assert.That(c.Nonce, Is.EqualTo("dcd98b7102dd2f0e8b11d0f600bfb0c093"));
            Assert.That(c.Uri, Is.EqualTo("sip:bob@biloxi.com"));
            Assert.That(c.Qop, Is.EqualTo("auth"));
            Assert.That(c.NonceCount, Is.EqualTo("00000001"));
            Assert.That(c.NonceCountValue, Is.EqualTo(1u));
            Assert.That(c.Cnonce, Is.EqualTo("0a4f113b"));
            Assert.That(c.Response, Is.EqualTo("6629fae49393a05397450978507c4ef1"));
            Assert.That(c.Opaque, Is.EqualTo("5ccc069c403ebaf9f0171e9517f40e41"));
            Assert.That(c.AlgorithmName, Is.Null);
            Assert.That(c.Algorithm, Is.EqualTo(DigestAlgorithm.Md5), "absent algorithm means MD5 (RFC 7616 §3.3)");
        });
    }

    [Test]
    public void Order_case_of_names_and_spacing_do_not_matter()
    {
        const string value = "digest  RESPONSE = \"ab\" ,uri=sip:100@pbx;transport=udp,NONCE=\"n\" , Realm=\"r\",UserName=\"100\",algorithm=sha-256";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Username, Is.EqualTo("100"));
            Assert.That(c.Uri, Is.EqualTo("sip:100@pbx;transport=udp"), "unquoted URI as some phones send it");
            Assert.That(c.Response, Is.EqualTo("ab"));
            Assert.That(c.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
        });
    }

    [Test]
    [Description("RFC 3261 §25.1 quoted-pair")]
    public void Quoted_pairs_are_unescaped()
    {
        const string value = "Digest username=\"a\\\"b\\\\c\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.That(c!.Username, Is.EqualTo("a\"b\\c"));
    }

    [Test]
    public void Commas_inside_quoted_values_do_not_split_parameters()
    {
        const string value = "Digest username=\"x, y\", realm=\"r,\", nonce=\"n\", uri=\"u\", response=\"x\"";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.Multiple(() =>
        {
            Assert.That(c!.Username, Is.EqualTo("x, y"));
            Assert.That(c.Realm, Is.EqualTo("r,"));
        });
    }

    [Test]
    [Description("RFC 7616 §3.4: unknown parameters are ignored")]
    public void Unknown_parameters_and_empty_list_elements_are_ignored()
    {
        const string value = "Digest ,username=\"u\",, realm=\"r\", x-vendor=\"1,2\", nonce=\"n\", uri=\"u\", response=\"x\", userhash=false,";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.That(c!.Username, Is.EqualTo("u"));
    }

    [Test]
    public void Unknown_algorithm_parses_but_reports_no_algorithm()
    {
        const string value = "Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", algorithm=SHA-512-256";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.That(c!.Algorithm, Is.Null);
    }

    [TestCase("zzzzzzzz")]
    [TestCase("123456789")]
    [TestCase("")]
    public void Malformed_nonce_count_has_no_numeric_value(string nc)
    {
        var value = $"Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", nc=\"{nc}\"";

        Assert.That(DigestCredentials.TryParse(value, out var c), Is.True);
        Assert.That(c!.NonceCountValue, Is.Null);
    }

    [TestCase("")]
    [TestCase("   ")]
    [TestCase("Basic dXNlcjpwYXNz")]
    [TestCase("Digestusername=\"u\"")]
    [TestCase("Digest")]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\"")]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x")]
    [TestCase("Digest username=\"u\" realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [TestCase("Digest username=, realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [TestCase("Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\", realm=\"other\"")]
    [TestCase("Digest =\"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [TestCase("Digest username \"u\", realm=\"r\", nonce=\"n\", uri=\"u\", response=\"x\"")]
    [TestCase("Digest username=\"u\\")]
    public void Garbage_returns_false(string value)
    {
        Assert.That(DigestCredentials.TryParse(value, out var c), Is.False);
        Assert.That(c, Is.Null);
    }

    [Test]
    public void Every_truncation_of_a_valid_value_is_handled_without_throwing()
    {
        for (var length = 0; length <= Rfc3261Example.Length; length++)
        {
            var prefix = Rfc3261Example[..length];
            Assert.DoesNotThrow(() => DigestCredentials.TryParse(prefix, out _), prefix);
        }
        Assert.That(DigestCredentials.TryParse(Rfc3261Example.AsSpan()[..^1], out _), Is.False, "unterminated opaque");
    }

    [Test]
    public void Random_bytes_never_throw()
    {
        var random = new Random(7616);
        var alphabet = "Digest =\",\\ \t\r\nabcnonce=uri\"response".ToCharArray();
        for (var i = 0; i < 5000; i++)
        {
            var chars = new char[random.Next(0, 80)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            Assert.DoesNotThrow(() => DigestCredentials.TryParse(chars, out _));
        }
    }
}
