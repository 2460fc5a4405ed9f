using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public class DigestCalculatorTests
{
    // RFC 7616 §3.9.1: Mufasa / "Circle of Life" (lower-case "of"), qop=auth, nc=00000001.
    private const string Rfc7616Realm = "http-auth@example.org";
    private const string Rfc7616Nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    private const string Rfc7616Cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    // RFC 2617 §3.5: Mufasa / "Circle Of Life" (upper-case "Of").
    private const string Rfc2617Realm = "testrealm@host.com";
    private const string Rfc2617Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093";

    [TestCase(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [TestCase(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    [Description("RFC 7616 §3.9.1")]
    public void Response_matches_the_rfc_7616_example(DigestAlgorithm algorithm, string expected)
    {
        var response = DigestCalculator.ComputeResponse(
            algorithm, "Mufasa", Rfc7616Realm, "Circle of Life", "GET", "/dir/index.html",
            Rfc7616Nonce, "auth", "00000001", Rfc7616Cnonce);

        Assert.That(response, Is.EqualTo(expected));
    }

    [Test]
    [Description("RFC 2617 §3.5")]
    public void Response_matches_the_rfc_2617_example()
    {
        var response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "Circle Of Life", "GET", "/dir/index.html",
            Rfc2617Nonce, "auth", "00000001", "0a4f113b");

        Assert.That(response, Is.EqualTo("6629fae49393a05397450978507c4ef1"));
    }

    [Test]
    [Description("RFC 2069 §2.1.2 / RFC 2617 §3.2.2.1: without qop, response = H(HA1:nonce:HA2)")]
    public void Response_without_qop_uses_the_rfc_2069_form()
    {
        var response = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Md5, "Mufasa", Rfc2617Realm, "Circle Of Life", "GET", "/dir/index.html",
            Rfc2617Nonce, qop: null, nonceCount: null, cnonce: null);

        // Independently computed with Python's hashlib from the RFC 2617 §3.5 inputs.
        Assert.That(response, Is.EqualTo("670fd8c2df070c60b045671b8b24ff02"));
    }

    [TestCase(DigestAlgorithm.Md5Sess, "e783283f46242139c486a698fec7211d")]
    [TestCase(DigestAlgorithm.Sha256Sess, "2fd51b3a77ad75bad6afad6003e818d767133c46d9e2749e7f5232ae1ea3efd7")]
    [Description("RFC 7616 §3.4.2: -sess HA1 = H(H(user:realm:password):nonce:cnonce)")]
    public void Session_variants_fold_nonce_and_cnonce_into_ha1(DigestAlgorithm algorithm, string expected)
    {
        // Expected values computed independently with Python's hashlib from the RFC 7616 §3.9.1 inputs.
        var response = DigestCalculator.ComputeResponse(
            algorithm, "Mufasa", Rfc7616Realm, "Circle of Life", "GET", "/dir/index.html",
            Rfc7616Nonce, "auth", "00000001", Rfc7616Cnonce);

        Assert.That(response, Is.EqualTo(expected));
    }

    [Test]
    public void Response_from_a_stored_ha1_equals_response_from_the_password()
    {
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Sha256, "Mufasa", Rfc7616Realm, "Circle of Life");

        var fromHa1 = DigestCalculator.ComputeResponse(
            DigestAlgorithm.Sha256, ha1, "GET", "/dir/index.html", Rfc7616Nonce, "auth", "00000001", Rfc7616Cnonce);

        Assert.That(fromHa1, Is.EqualTo("753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1"));
    }

    [Test]
    public void Ha1_and_ha2_are_lower_case_hex_of_the_algorithm_length()
    {
        var md5 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "100", "pbx.example", "secret");
        var sha = DigestCalculator.ComputeHa2(DigestAlgorithm.Sha256, "REGISTER", "sip:pbx.example");

        Assert.Multiple(() =>
        {
            Assert.That(md5, Does.Match("^[0-9a-f]{32}$"));
            Assert.That(sha, Does.Match("^[0-9a-f]{64}$"));
        });
    }

    [Test]
    public void Long_and_non_ascii_inputs_hash_their_utf8_bytes()
    {
        var longUri = "sip:" + new string('a', 2000) + "@example.com";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(
            System.Text.Encoding.UTF8.GetBytes("INVITE:" + longUri)));

        Assert.Multiple(() =>
        {
            Assert.That(DigestCalculator.ComputeHa2(DigestAlgorithm.Md5, "INVITE", longUri), Is.EqualTo(expected));
            Assert.That(
                DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "Jäsøn", "r", "p"),
                Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("Jäsøn:r:p"u8))));
        });
    }
}
