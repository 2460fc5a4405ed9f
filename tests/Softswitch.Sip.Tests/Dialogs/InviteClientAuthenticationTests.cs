using Softswitch.Sip.Auth;
using Softswitch.Sip.Dialogs;
using static Softswitch.Sip.Tests.Dialogs.ClientSessionRig;

namespace Softswitch.Sip.Tests.Dialogs;

public sealed class InviteClientAuthenticationTests
{
    private const string ProxyChallenge = "Proxy-Authenticate: Digest realm=\"pbx.example\", nonce=\"n0nce\", opaque=\"op1\", algorithm=MD5, qop=\"auth\"\r\n";
    private ClientSessionRig _rig = null!;

    [SetUp]
    public void SetUp() => _rig = new ClientSessionRig();

    [Test, Description("RFC 3261 §22.2/§22.3, RFC 7616 §3.4: the INVITE again, CSeq + 1, same Call-ID and tag, with credentials")]
    public void Challenge_407_is_answered_once_with_proxy_authorization()
    {
        var session = _rig.Start(Call(credentials: new DigestLogin("1001", "s3cret")));

        _rig.Answer(407, extraHeaders: ProxyChallenge);

        var invites = _rig.Sent("INVITE ");
        Assert.That(invites, Has.Count.EqualTo(2));
        var retry = invites[1];
        Assert.That(retry.CSeq.ToString(), Is.EqualTo("2 INVITE"));
        Assert.That(retry.CallId, Is.EqualTo(invites[0].CallId));
        Assert.That(retry.From.Tag, Is.EqualTo(session.LocalTag));
        Assert.That(retry.TopVia.Branch, Is.Not.EqualTo(invites[0].TopVia.Branch));
        Assert.That(DigestCredentials.TryParse(retry.GetFirstHeaderValue("Proxy-Authorization"), out var credentials), Is.True);
        Assert.That(credentials!.Username, Is.EqualTo("1001"));
        Assert.That(credentials.Realm, Is.EqualTo("pbx.example"));
        Assert.That(credentials.Opaque, Is.EqualTo("op1"));
        Assert.That(credentials.Qop, Is.EqualTo("auth"));
        Assert.That(credentials.Uri, Is.EqualTo("sip:1002@192.168.1.20:5070"));
        var expected = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, "1001", "pbx.example", "s3cret", "INVITE",
            credentials.Uri, "n0nce", "auth", credentials.NonceCount, credentials.Cnonce);
        Assert.That(credentials.Response, Is.EqualTo(expected));
        Assert.That(_rig.Sent("ACK ").Single().CSeq.Number, Is.EqualTo(1u), "the 407 was ACKed in its own transaction");
        Assert.That(_rig.Owner.Events, Is.Empty);

        _rig.Answer(200, body: DialogMessages.Sdp("sendrecv"));

        Assert.That(session.State, Is.EqualTo(InviteClientSessionState.Confirmed));
        Assert.That(_rig.Sent("ACK ")[^1].CSeq.ToString(), Is.EqualTo("2 ACK"));
    }

    [Test, Description("RFC 3261 §22.2: a second challenge means the credentials are wrong")]
    public void A_second_challenge_fails_the_session()
    {
        _rig.Start(Call(credentials: new DigestLogin("1001", "wrong")));

        _rig.Answer(401, extraHeaders: ProxyChallenge.Replace("Proxy-Authenticate", "WWW-Authenticate", StringComparison.Ordinal));
        Assert.That(_rig.Sent("INVITE ")[1].HasHeader("Authorization"), Is.True);
        _rig.Answer(401, extraHeaders: ProxyChallenge.Replace("Proxy-Authenticate", "WWW-Authenticate", StringComparison.Ordinal));

        Assert.That(_rig.Sent("INVITE "), Has.Count.EqualTo(2));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Failed(401 Unauthorized)" }));
    }

    [Test]
    public void Challenge_without_credentials_fails_with_its_status()
    {
        _rig.Start();

        _rig.Answer(407, extraHeaders: ProxyChallenge);

        Assert.That(_rig.Sent("INVITE "), Has.Count.EqualTo(1));
        Assert.That(_rig.Owner.Events, Is.EqualTo(new[] { "Failed(407 Proxy Authentication Required)" }));
    }

    [Test, Description("RFC 8760: the first challenge with an algorithm we compute is answered")]
    public void Challenge_with_sha256_first_is_answered_with_sha256()
    {
        _rig.Start(Call(credentials: new DigestLogin("1001", "s3cret")));

        _rig.Answer(401, extraHeaders:
            "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\", algorithm=SHA-512-256, qop=\"auth\"\r\n" +
            "WWW-Authenticate: Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\"\r\n");

        Assert.That(DigestCredentials.TryParse(_rig.Sent("INVITE ")[1].GetFirstHeaderValue("Authorization"), out var credentials), Is.True);
        Assert.That(credentials!.Algorithm, Is.EqualTo(DigestAlgorithm.Sha256));
        Assert.That(credentials.Response, Has.Length.EqualTo(64));
    }
}
