using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public class DigestChallengeTests
{
    [Test]
    [Description("RFC 7616 §3.3, RFC 3261 §22.1")]
    public void Header_value_lists_realm_nonce_opaque_algorithm_and_qop()
    {
        var challenge = new DigestChallenge("pbx.example", "abc", DigestAlgorithm.Sha256, Opaque: "xyz");

        Assert.That(challenge.ToHeaderValue(),
            Is.EqualTo("Digest realm=\"pbx.example\", nonce=\"abc\", opaque=\"xyz\", algorithm=SHA-256, qop=\"auth\""));
    }

    [Test]
    [Description("RFC 7616 §3.3: stale=true lets the client retry without prompting")]
    public void Stale_challenge_ends_with_stale_true()
    {
        var value = new DigestChallenge("r", "n", DigestAlgorithm.Md5, Stale: true).ToHeaderValue();

        Assert.That(value, Is.EqualTo("Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\", stale=true"));
    }

    [Test]
    public void Quotes_and_backslashes_in_the_realm_are_escaped()
    {
        var value = new DigestChallenge("a\"b\\c", "n", DigestAlgorithm.Md5, Qop: null).ToHeaderValue();

        Assert.That(value, Is.EqualTo("Digest realm=\"a\\\"b\\\\c\", nonce=\"n\", algorithm=MD5"));
    }

    [Test]
    [Description("RFC 8760 §2.4, RFC 7616 §3.7: one challenge per algorithm, most preferred first")]
    public void Default_offer_is_sha256_first_then_md5_with_the_same_nonce()
    {
        var values = DigestChallenge.CreateHeaderValues("pbx.example", "N1", "O1", stale: false, DigestChallenge.DefaultAlgorithms);

        Assert.That(values, Is.EqualTo(new[]
        {
            "Digest realm=\"pbx.example\", nonce=\"N1\", opaque=\"O1\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"pbx.example\", nonce=\"N1\", opaque=\"O1\", algorithm=MD5, qop=\"auth\"",
        }));
    }

    [Test]
    public void A_written_challenge_reads_back_through_the_auth_param_reader()
    {
        // Same grammar for challenges and credentials: a response built from our challenge parses.
        var value = new DigestChallenge("pbx \"main\"", "N", DigestAlgorithm.Sha256, "O").ToHeaderValue();
        var credentials = value.Replace("Digest ", "Digest username=\"100\", uri=\"sip:pbx\", response=\"00\", ");

        Assert.That(DigestCredentials.TryParse(credentials, out var parsed), Is.True);
        Assert.That(parsed!.Realm, Is.EqualTo("pbx \"main\""));
    }
}
