using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public class DigestAlgorithmNamesTests
{
    [TestCase("MD5", DigestAlgorithm.Md5)]
    [TestCase("md5", DigestAlgorithm.Md5)]
    [TestCase("MD5-sess", DigestAlgorithm.Md5Sess)]
    [TestCase("SHA-256", DigestAlgorithm.Sha256)]
    [TestCase("sha-256-SESS", DigestAlgorithm.Sha256Sess)]
    [Description("RFC 7616 §3.3: algorithm tokens are case-insensitive")]
    public void Known_tokens_parse_in_any_case(string token, DigestAlgorithm expected)
    {
        Assert.That(DigestAlgorithmNames.TryParse(token, out var algorithm), Is.True);
        Assert.That(algorithm, Is.EqualTo(expected));
    }

    [TestCase("SHA-512-256")]
    [TestCase("SHA256")]
    [TestCase("")]
    public void Unknown_tokens_do_not_parse(string token)
    {
        Assert.That(DigestAlgorithmNames.TryParse(token, out _), Is.False);
    }

    [TestCase(DigestAlgorithm.Md5, "MD5", false, 32)]
    [TestCase(DigestAlgorithm.Sha256Sess, "SHA-256-sess", true, 64)]
    public void Tokens_session_flag_and_length_follow_the_algorithm(DigestAlgorithm algorithm, string token, bool session, int length)
    {
        Assert.Multiple(() =>
        {
            Assert.That(algorithm.ToToken(), Is.EqualTo(token));
            Assert.That(algorithm.IsSession(), Is.EqualTo(session));
            Assert.That(algorithm.HexLength(), Is.EqualTo(length));
        });
    }
}
