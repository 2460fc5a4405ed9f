using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Auth;

namespace Softswitch.Sip.Tests.Auth;

public partial class DigestAuthenticatorTests
{
    private const string Realm = "pbx.example";
    private const string RequestUri = "sip:pbx.example";
    private const string Opaque = "0paque";

    private FakeTimeProvider _clock = null!;
    private NonceManager _nonces = null!;
    private DigestAuthenticator _authenticator = null!;
    private readonly Dictionary<string, string> _passwords = new() { ["100"] = "s3cret", ["101"] = "other" };

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _nonces = new NonceManager(_clock);
        _authenticator = new DigestAuthenticator(_nonces, new DigestAuthenticatorOptions { Opaque = Opaque });
    }

    [Test]
    [Description("RFC 8760 §2.4: SHA-256 offered before MD5")]
    public void Challenges_offer_sha256_then_md5_with_a_valid_nonce()
    {
        var challenges = _authenticator.CreateChallenges(Realm);

        Assert.That(challenges, Has.Count.EqualTo(2));
        Assert.Multiple(() =>
        {
            Assert.That(challenges[0], Does.Contain("algorithm=SHA-256"));
            Assert.That(challenges[1], Does.Contain("algorithm=MD5"));
            Assert.That(challenges[0], Does.Not.Contain("stale"));
            Assert.That(_nonces.Validate(NonceOf(challenges[0])), Is.EqualTo(NonceStatus.Valid));
            Assert.That(_authenticator.CreateChallenges(Realm, stale: true)[0], Does.EndWith(", stale=true"));
        });
    }

    [TestCase(DigestAlgorithm.Sha256)]
    [TestCase(DigestAlgorithm.Md5)]
    [Description("RFC 3261 §22.4")]
    public void Correct_password_with_qop_auth_is_ok(DigestAlgorithm algorithm)
    {
        var credentials = Answer(algorithm, "100", "s3cret", nc: 1);

        var result = Verify(credentials);

        Assert.That(result, Is.EqualTo(new DigestVerification(DigestVerificationStatus.Ok, "100", DigestFailureReason.None)));
    }

    [Test]
    [Description("RFC 3261 §22.4 / RFC 2069: a response without qop has no nonce-count, so replay cannot be told apart")]
    public void Response_without_qop_is_refused_by_default()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: null);

        var result = Verify(credentials);

        Assert.That(result, Is.EqualTo(new DigestVerification(DigestVerificationStatus.Failed, null, DigestFailureReason.MissingParameters)));
    }

    [Test]
    [Description("RFC 3261 §22.4 / RFC 2069: phones that ignore qop")]
    public void Response_without_qop_is_accepted_once_per_nonce_when_allowed()
    {
        var lenient = Lenient();
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: null);

        var first = lenient.Verify("REGISTER", RequestUri, credentials, Realm, Lookup);
        var replay = lenient.Verify("REGISTER", RequestUri, credentials, Realm, Lookup);

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(DigestVerificationStatus.Ok));
            Assert.That(replay, Is.EqualTo(new DigestVerification(DigestVerificationStatus.Stale, "100", DigestFailureReason.NonceReused)),
                "the replay gets a fresh challenge, never service");
        });
    }

    [Test]
    public void A_nonce_spent_without_qop_cannot_be_used_again_with_qop()
    {
        var lenient = Lenient();
        var withoutQop = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: null);
        var withQop = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1, nonce: withoutQop.Nonce);

        Assert.That(lenient.Verify("REGISTER", RequestUri, withoutQop, Realm, Lookup).IsOk, Is.True);
        Assert.That(lenient.Verify("REGISTER", RequestUri, withQop, Realm, Lookup).Reason, Is.EqualTo(DigestFailureReason.NonceCountReplayed));
    }

    [Test]
    public void A_fresh_nonce_answered_without_qop_is_accepted_after_a_spent_one()
    {
        var lenient = Lenient();
        Assert.That(lenient.Verify("REGISTER", RequestUri, Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: null), Realm, Lookup).IsOk, Is.True);

        var next = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: null);

        Assert.That(lenient.Verify("REGISTER", RequestUri, next, Realm, Lookup).IsOk, Is.True);
    }

    [Test]
    public void Wrong_password_fails()
    {
        var result = Verify(Answer(DigestAlgorithm.Sha256, "100", "guess", nc: 1));

        Assert.That(result, Is.EqualTo(new DigestVerification(DigestVerificationStatus.Failed, null, DigestFailureReason.WrongResponse)));
    }

    [Test]
    [Description("No extension enumeration: unknown user and wrong password are indistinguishable")]
    public void Unknown_user_gives_exactly_the_same_result_as_a_wrong_password()
    {
        var wrongPassword = Verify(Answer(DigestAlgorithm.Sha256, "100", "guess", nc: 1));
        var unknownUser = Verify(Answer(DigestAlgorithm.Sha256, "999", "guess", nc: 1));
        var unknownUserRightLooking = Verify(Answer(DigestAlgorithm.Md5, "999", "s3cret", nc: 2));

        Assert.Multiple(() =>
        {
            Assert.That(unknownUser, Is.EqualTo(wrongPassword));
            Assert.That(unknownUserRightLooking, Is.EqualTo(wrongPassword));
        });
    }

    [Test]
    public void Unknown_user_goes_through_the_same_hashing_path_as_a_known_user()
    {
        // The store is consulted once either way and a digest is computed either way; a dummy secret stands in.
        var lookups = new List<string>();
        string? Counting(string user) { lookups.Add(user); return _passwords.GetValueOrDefault(user); }

        _authenticator.Verify("REGISTER", RequestUri, Answer(DigestAlgorithm.Sha256, "100", "guess", 1), Realm, Counting);
        _authenticator.Verify("REGISTER", RequestUri, Answer(DigestAlgorithm.Sha256, "999", "guess", 1), Realm, Counting);

        Assert.That(lookups, Is.EqualTo(new[] { "100", "999" }));
    }

    [Test]
    [Description("RFC 7616 §3.4: nc replay")]
    public void Reused_nonce_count_is_rejected()
    {
        var credentials = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 1);
        Assert.That(Verify(credentials).IsOk, Is.True);

        var replay = Verify(credentials);

        Assert.That(replay.IsOk, Is.False);
        Assert.That(replay.Status, Is.EqualTo(DigestVerificationStatus.Stale), "the client knows the password: fresh nonce, no prompt");
        Assert.That(replay.Reason, Is.EqualTo(DigestFailureReason.NonceCountReplayed));
    }

    [Test]
    public void Increasing_nonce_count_with_the_same_nonce_is_accepted()
    {
        var first = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 1);
        var second = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 2, nonce: first.Nonce);

        Assert.That(Verify(first).IsOk, Is.True);
        Assert.That(Verify(second).IsOk, Is.True);
    }

    [Test]
    [Description("RFC 7616 §3.3 stale")]
    public void Expired_nonce_with_the_right_password_is_stale()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1);
        _clock.Advance(_nonces.Lifetime);

        Assert.That(Verify(credentials), Is.EqualTo(new DigestVerification(DigestVerificationStatus.Stale, "100", DigestFailureReason.StaleNonce)));
    }

    [Test]
    public void Expired_nonce_with_a_wrong_password_fails_rather_than_stale()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "guess", nc: 1);
        _clock.Advance(_nonces.Lifetime);

        Assert.That(Verify(credentials).Status, Is.EqualTo(DigestVerificationStatus.Failed));
    }

    [Test]
    public void Nonce_not_issued_by_us_is_never_ok()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1, nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093");

        var result = Verify(credentials);

        Assert.That(result.Status, Is.EqualTo(DigestVerificationStatus.Stale));
        Assert.That(result.Reason, Is.EqualTo(DigestFailureReason.UnknownNonce));
    }

    [Test]
    public void Realm_must_match()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1, realm: "evil.example");

        Assert.That(Verify(credentials).Reason, Is.EqualTo(DigestFailureReason.RealmMismatch));
    }

    [Test]
    [Description("RFC 7616 §3.4.6: the uri parameter must name the Request-URI")]
    public void Uri_must_match_the_request_uri()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1);

        var result = _authenticator.Verify("REGISTER", "sip:other.example", credentials, Realm, Lookup);

        Assert.That(result.Reason, Is.EqualTo(DigestFailureReason.UriMismatch));
    }

    [Test]
    public void Algorithm_not_offered_is_rejected()
    {
        var md5Only = new DigestAuthenticator(_nonces, new DigestAuthenticatorOptions { Opaque = Opaque, Algorithms = [DigestAlgorithm.Md5] });
        var credentials = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 1);
        var unknown = credentials with { AlgorithmName = "SHA-512-256" };

        Assert.Multiple(() =>
        {
            Assert.That(md5Only.Verify("REGISTER", RequestUri, credentials, Realm, Lookup).Reason, Is.EqualTo(DigestFailureReason.UnsupportedAlgorithm));
            Assert.That(Verify(unknown).Reason, Is.EqualTo(DigestFailureReason.UnsupportedAlgorithm));
        });
    }

    [Test]
    [Description("RFC 7616 §3.4: qop=auth requires cnonce and nc")]
    public void Qop_auth_without_cnonce_or_nc_is_rejected()
    {
        var credentials = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 1);

        Assert.Multiple(() =>
        {
            Assert.That(Verify(credentials with { Cnonce = null }).Reason, Is.EqualTo(DigestFailureReason.MissingParameters));
            Assert.That(Verify(credentials with { NonceCount = null }).Reason, Is.EqualTo(DigestFailureReason.MissingParameters));
            Assert.That(Verify(credentials with { NonceCount = "xyz" }).Reason, Is.EqualTo(DigestFailureReason.MissingParameters));
            Assert.That(Verify(credentials with { Qop = "auth-int" }).Reason, Is.EqualTo(DigestFailureReason.MissingParameters));
        });
    }

    [Test]
    public void Method_is_part_of_the_digest()
    {
        var credentials = Answer(DigestAlgorithm.Sha256, "100", "s3cret", nc: 1);

        Assert.That(_authenticator.Verify("INVITE", RequestUri, credentials, Realm, Lookup).Reason, Is.EqualTo(DigestFailureReason.WrongResponse));
    }

    [Test]
    public void Upper_case_response_hex_is_accepted()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1);

        Assert.That(Verify(credentials with { Response = credentials.Response.ToUpperInvariant() }).IsOk, Is.True);
    }

    [Test]
    public void Opaque_mismatch_with_the_right_password_asks_for_a_fresh_challenge()
    {
        var credentials = Answer(DigestAlgorithm.Md5, "100", "s3cret", nc: 1) with { Opaque = "from-before-restart" };

        Assert.That(Verify(credentials).Status, Is.EqualTo(DigestVerificationStatus.Stale));
    }

    [TestCase(DigestAlgorithm.Md5Sess)]
    [TestCase(DigestAlgorithm.Sha256Sess)]
    [Description("RFC 7616 §3.4.2")]
    public void Session_algorithms_verify_when_offered(DigestAlgorithm algorithm)
    {
        var authenticator = new DigestAuthenticator(_nonces, new DigestAuthenticatorOptions { Opaque = Opaque, Algorithms = [algorithm] });

        var result = authenticator.Verify("REGISTER", RequestUri, Answer(algorithm, "100", "s3cret", nc: 1), Realm, Lookup);

        Assert.That(result.IsOk, Is.True);
    }

    [Test]
    public void Stored_ha1_verifies_like_the_password_for_its_algorithm_family()
    {
        var store = new Ha1Store(DigestSecret.FromHa1(
            DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "100", Realm, "s3cret"), sha256Ha1: null));

        Assert.Multiple(() =>
        {
            Assert.That(_authenticator.Verify("REGISTER", RequestUri, Answer(DigestAlgorithm.Md5, "100", "s3cret", 1), Realm, store).IsOk, Is.True);
            Assert.That(_authenticator.Verify("REGISTER", RequestUri, Answer(DigestAlgorithm.Sha256, "100", "s3cret", 1), Realm, store).Reason,
                Is.EqualTo(DigestFailureReason.WrongResponse), "no SHA-256 HA1 stored");
        });
    }

    [Test]
    public void Credentials_parsed_from_a_header_verify()
    {
        var nonce = NonceOf(_authenticator.CreateChallenges(Realm)[0]);
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Sha256, "100", Realm, "s3cret", "REGISTER", RequestUri, nonce, "auth", "00000001", "c1");
        var header = $"Digest username=\"100\",realm=\"{Realm}\",nonce=\"{nonce}\",uri=\"{RequestUri}\",response=\"{response}\"," +
                     $"algorithm=SHA-256,cnonce=\"c1\",opaque=\"{Opaque}\",qop=auth,nc=00000001";

        Assert.That(DigestCredentials.TryParse(header, out var credentials), Is.True);
        Assert.That(Verify(credentials!).IsOk, Is.True);
    }

    private DigestAuthenticator Lenient() =>
        new(_nonces, new DigestAuthenticatorOptions { Opaque = Opaque, AllowMissingQop = true });

    private DigestVerification Verify(DigestCredentials credentials) =>
        _authenticator.Verify("REGISTER", RequestUri, credentials, Realm, Lookup);

    private string? Lookup(string username) => _passwords.GetValueOrDefault(username);

    private DigestCredentials Answer(DigestAlgorithm algorithm, string user, string password, uint? nc, string? nonce = null, string realm = Realm)
    {
        nonce ??= NonceOf(_authenticator.CreateChallenges(Realm)[0]);
        var ncText = nc?.ToString("x8");
        var qop = nc is null ? null : "auth";
        var cnonce = nc is null && !algorithm.IsSession() ? null : "a1b2c3d4";
        var response = DigestCalculator.ComputeResponse(algorithm, user, realm, password, "REGISTER", RequestUri, nonce, qop, ncText, cnonce);
        return new DigestCredentials(user, realm, nonce, RequestUri, response, algorithm.ToToken(), cnonce, Opaque, qop, ncText);
    }

    private static string NonceOf(string challenge) => NonceParameter().Match(challenge).Groups[1].Value;

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NonceParameter();

    private sealed class Ha1Store(DigestSecret secret) : ICredentialStore
    {
        public DigestSecret? FindSecret(string username, string realm) => username == "100" ? secret : null;
    }
}
