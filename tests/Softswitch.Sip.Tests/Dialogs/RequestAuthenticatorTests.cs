using System.Text.RegularExpressions;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Sip.Security;
using Softswitch.Sip.Stack;
using static Softswitch.Sip.Tests.Dialogs.DialogMessages;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed partial class RequestAuthenticatorTests
{
    private const string Realm = "pbx.test";
    private readonly Dictionary<string, string> _passwords = new() { ["1001"] = "alice-pw", ["1003"] = "carol-pw" };
    private SessionRig _rig = null!;
    private DigestAuthenticator _digest = null!;

    [SetUp]
    public void SetUp()
    {
        _rig = new SessionRig();
        _digest = new DigestAuthenticator(new NonceManager(_rig.Time));
    }

    private RequestAuthenticator Authenticator(bool proxy = true) =>
        new(_digest, new PasswordLookupCredentialStore(u => _passwords.GetValueOrDefault(u)),
            new RequestAuthenticatorOptions { Realm = Realm, UseProxyAuthenticate = proxy });

    [Test, Description("RFC 3261 §22.3, RFC 8760 §2.4")]
    public void Invite_without_credentials_gets_407_with_a_challenge_per_algorithm()
    {
        _rig.Receive(Invite());

        var result = Authenticator().Authenticate(_rig.NewRequests[0]);

        Assert.That(result.Status, Is.EqualTo(RequestAuthenticationStatus.Challenged));
        var challenge = _rig.SentMessages("SIP/2.0 407 ").Single();
        var values = challenge.GetHeaderValues("Proxy-Authenticate");
        Assert.That(values, Has.Count.EqualTo(2));
        Assert.That(values[0], Does.Contain($"realm=\"{Realm}\"").And.Contain("algorithm=SHA-256"));
        Assert.That(values[1], Does.Contain("algorithm=MD5"));
        Assert.That(challenge.To.Tag, Is.Not.Null);
    }

    [Test, Description("RFC 3261 §22.2: the UAS form")]
    public void Configured_for_401_it_challenges_with_www_authenticate()
    {
        _rig.Receive(Invite());

        Authenticator(proxy: false).Authenticate(_rig.NewRequests[0]);

        Assert.That(_rig.SentMessages("SIP/2.0 401 ").Single().GetHeaderValues("WWW-Authenticate"), Has.Count.EqualTo(2));
    }

    [Test, Description("RFC 3261 §22.2, §17.2.1: ACK for the 407 stays in the first transaction; the retry has CSeq + 1")]
    public void Retry_with_valid_credentials_is_authenticated_and_can_become_a_session()
    {
        var authenticator = Authenticator();
        _rig.Receive(Invite());
        authenticator.Authenticate(_rig.NewRequests[0]);
        var nonce = NonceOf(_rig.SentMessages("SIP/2.0 407 ").Single().GetHeaderValues("Proxy-Authenticate")[0]);
        _rig.Receive(Ack(_rig.SentMessages("SIP/2.0 407 ")[0].To.Tag!, 1, "z9hG4bKinv1"));

        _rig.Receive(Invite("z9hG4bKinv2", 2, extraHeaders: ProxyAuthorization("1001", "alice-pw", nonce)));
        var result = authenticator.Authenticate(_rig.NewRequests[1]);

        Assert.That(_rig.StrayAcks, Is.Empty, "the transaction absorbed the ACK for the 407");
        Assert.That(result.Status, Is.EqualTo(RequestAuthenticationStatus.Authenticated));
        Assert.That(result.Extension, Is.EqualTo("1001"));
        Assert.That(_rig.Transport.Sent.Count(s => s.Text.StartsWith("SIP/2.0 407 ", StringComparison.Ordinal)), Is.EqualTo(1));
        var session = _rig.Router.CreateSession(_rig.NewRequests[1], _rig.Owner);
        Assert.That(session.Dialog.RemoteCSeq, Is.EqualTo(2u));
    }

    [Test, Description("RFC 3261 §19.3; issue 8 finding 11: a late copy of the 407 must not name another dialog")]
    public void The_challenge_and_the_session_of_one_call_carry_the_same_to_tag()
    {
        var authenticator = Authenticator();
        _rig.Receive(Invite());
        authenticator.Authenticate(_rig.NewRequests[0]);
        var challenge = _rig.SentMessages("SIP/2.0 407 ").Single();
        var nonce = NonceOf(challenge.GetHeaderValues("Proxy-Authenticate")[0]);
        _rig.Receive(Invite("z9hG4bKinv2", 2, extraHeaders: ProxyAuthorization("1001", "alice-pw", nonce)));
        authenticator.Authenticate(_rig.NewRequests[1]);

        var session = _rig.Router.CreateSession(_rig.NewRequests[1], _rig.Owner);

        Assert.That(session.Dialog.LocalTag, Is.EqualTo(challenge.To.Tag));
        Assert.That(challenge.To.Tag, Has.Length.EqualTo(16), "64 bits, as a random tag has");
    }

    [Test, Description("RFC 3261 §12.1.1: two live dialogs never share an id")]
    public void A_new_invite_reusing_a_live_calls_call_id_and_from_tag_gets_a_dialog_of_its_own()
    {
        var first = _rig.Start(Invite());
        var second = _rig.Start(Invite("z9hG4bKinv9", 9));

        Assert.That(second.Dialog.LocalTag, Is.Not.EqualTo(first.Dialog.LocalTag));
        Assert.That(_rig.Router.Dialogs.Count, Is.EqualTo(2));
    }

    [Test, Description("choice: a wrong password is refused with 403, not challenged again, as REGISTER is")]
    public void Wrong_password_gets_403_and_no_call()
    {
        var authenticator = Authenticator();
        _rig.Receive(Invite());
        authenticator.Authenticate(_rig.NewRequests[0]);
        var nonce = NonceOf(_rig.SentMessages("SIP/2.0 407 ")[0].GetHeaderValues("Proxy-Authenticate")[0]);

        _rig.Receive(Invite("z9hG4bKinv2", 2, extraHeaders: ProxyAuthorization("1001", "guess", nonce)));
        var result = authenticator.Authenticate(_rig.NewRequests[1]);

        Assert.That(result.Status, Is.EqualTo(RequestAuthenticationStatus.Forbidden));
        Assert.That(_rig.SentMessages("SIP/2.0 403 ").Single().CSeq.Number, Is.EqualTo(2u));
    }

    [Test, Description("the From user must be the authenticated extension")]
    public void Credentials_of_another_extension_get_403()
    {
        var authenticator = Authenticator();
        _rig.Receive(Invite());
        authenticator.Authenticate(_rig.NewRequests[0]);
        var nonce = NonceOf(_rig.SentMessages("SIP/2.0 407 ")[0].GetHeaderValues("Proxy-Authenticate")[0]);

        _rig.Receive(Invite("z9hG4bKinv2", 2, extraHeaders: ProxyAuthorization("1003", "carol-pw", nonce)));
        var result = authenticator.Authenticate(_rig.NewRequests[1]);

        Assert.That(result.Status, Is.EqualTo(RequestAuthenticationStatus.Forbidden));
        Assert.That(result.Detail, Does.Contain("1003"));
    }

    [Test, Description("RFC 7616 §3.3: right password, nonce no longer known → challenge with stale=true")]
    public void Right_password_with_an_unknown_nonce_is_challenged_as_stale()
    {
        var foreignNonce = new NonceManager(_rig.Time).CreateNonce(); // as if issued before a restart

        _rig.Receive(Invite(extraHeaders: ProxyAuthorization("1001", "alice-pw", foreignNonce)));
        var result = Authenticator().Authenticate(_rig.NewRequests[0]);

        Assert.That(result.Status, Is.EqualTo(RequestAuthenticationStatus.Challenged));
        Assert.That(_rig.SentMessages("SIP/2.0 407 ").Single().GetHeaderValues("Proxy-Authenticate")[0], Does.Contain("stale=true"));
    }

    [Test, Description("issue 8 finding 2: each 403 counts against the source address")]
    public void Wrong_passwords_ban_the_source_and_then_even_the_right_one_gets_403()
    {
        var guard = new SourceGuard(new SourceGuardOptions { FailedAuthLimit = 2 }, _rig.Time, null, NullLogger<SourceGuard>.Instance);
        var authenticator = new RequestAuthenticator(_digest, new PasswordLookupCredentialStore(u => _passwords.GetValueOrDefault(u)),
            new RequestAuthenticatorOptions { Realm = Realm }, guard);
        var nonce = NonceOf(_digest.CreateChallenges(Realm)[0]);

        _rig.Receive(Invite("z9hG4bKg1", 1, extraHeaders: ProxyAuthorization("1001", "guess-1", nonce)));
        _rig.Receive(Invite("z9hG4bKg2", 2, extraHeaders: ProxyAuthorization("1001", "guess-2", nonce)));
        _rig.Receive(Invite("z9hG4bKg3", 3, extraHeaders: ProxyAuthorization("1001", "alice-pw", nonce)));
        var results = _rig.NewRequests.Select(authenticator.Authenticate).ToList();

        Assert.That(results.Select(r => r.Status), Is.All.EqualTo(RequestAuthenticationStatus.Forbidden));
        Assert.That(results[2].Detail, Is.EqualTo("source banned"));
        Assert.That(guard.IsBanned(_rig.NewRequests[0].Source.Address.Address), Is.True);
    }

    [Test, Description("a challenge is not a failure: only 403s count")]
    public void Challenges_do_not_count_as_failures()
    {
        var guard = new SourceGuard(new SourceGuardOptions { FailedAuthLimit = 1 }, _rig.Time, null, NullLogger<SourceGuard>.Instance);
        var authenticator = new RequestAuthenticator(_digest, new PasswordLookupCredentialStore(u => _passwords.GetValueOrDefault(u)),
            new RequestAuthenticatorOptions { Realm = Realm }, guard);

        _rig.Receive(Invite());
        authenticator.Authenticate(_rig.NewRequests[0]);

        Assert.That(guard.ActiveBans, Is.Empty);
    }

    private static string ProxyAuthorization(string user, string password, string nonce)
    {
        const string uri = "sip:1002@127.0.0.1";
        var response = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, user, Realm, password, "INVITE", uri, nonce, "auth", "00000001", "c0ffee");
        return $"Proxy-Authorization: Digest username=\"{user}\", realm=\"{Realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
               $"response=\"{response}\", algorithm=MD5, qop=auth, nc=00000001, cnonce=\"c0ffee\"\r\n";
    }

    private static string NonceOf(string challenge) => NoncePattern().Match(challenge).Groups[1].Value;

    [GeneratedRegex("nonce=\"([^\"]+)\"")]
    private static partial Regex NoncePattern();
}
