using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Registrar;

namespace Softswitch.Calls.Tests;

public sealed class RegistrarServiceTests
{
    private SignallingHarness _switch = null!;

    [SetUp]
    public void SetUp() => _switch = new SignallingHarness();

    [TearDown]
    public async Task TearDown() => await _switch.DisposeAsync();

    [Test, Description("RFC 3261 §22.1, RFC 8760 §2.4: SHA-256 offered first, MD5 second")]
    public async Task Register_without_credentials_is_challenged_with_sha256_then_md5()
    {
        var challenge = await _switch.SendAsync(Register.Request());

        Assert.That(challenge.StatusCode, Is.EqualTo(401));
        var challenges = challenge.GetHeaderValues("WWW-Authenticate");
        Assert.That(challenges, Has.Count.EqualTo(2));
        Assert.That(challenges[0], Does.Contain("algorithm=SHA-256").And.Contain("realm=\"softswitch.test\"").And.Contain("qop=\"auth\""));
        Assert.That(challenges[1], Does.Contain("algorithm=MD5"));
        Assert.That(challenge.To.Tag, Is.Not.Null);
    }

    [TestCase(DigestAlgorithm.Md5)]
    [TestCase(DigestAlgorithm.Sha256)]
    [Description("RFC 3261 §10.3 step 8: the 200 OK lists every current binding with its expires")]
    public async Task Register_with_the_right_password_binds_the_contact(DigestAlgorithm algorithm)
    {
        var challenge = await _switch.SendAsync(Register.Request());
        var ok = await _switch.SendAsync(Register.Request(authorization: Register.Answer(challenge, "1001", "secret-1001", algorithm)));

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.Contacts, Has.Count.EqualTo(1));
        Assert.That(ok.Contacts[0].Uri.ToString(), Is.EqualTo("sip:1001@127.0.0.5:40404;transport=udp"));
        Assert.That(ok.Contacts[0].Expires, Is.EqualTo(3600));
        Assert.That(ok.GetFirstHeaderValue("Date"), Does.EndWith("GMT"));
        Assert.That(_switch.Events.Select(e => e.Kind), Is.EqualTo(new[] { RegistrationEventKind.Registered }));
        Assert.That(_switch.Events[0].UserAgent, Is.EqualTo("test-phone/1.0"));
    }

    [Test, Description("RFC 3581: a phone behind NAT keeps its Contact as sent; the 200 OK shows the source the registrar will use")]
    public async Task A_contact_that_is_not_the_source_address_is_kept_and_listed_with_the_address_it_came_from()
    {
        const string natted = "<sip:1001@192.168.1.20:5060>";
        var challenge = await _switch.SendAsync(Register.Request(contact: natted));
        var ok = await _switch.SendAsync(Register.Request(contact: natted, authorization: Register.Answer(challenge, "1001", "secret-1001", DigestAlgorithm.Md5)));

        Assert.That(ok.StatusCode, Is.EqualTo(200));
        Assert.That(ok.Contacts.Single().Uri.ToString(), Is.EqualTo("sip:1001@192.168.1.20:5060"), "the phone finds its own contact");
        Assert.That(ok.Contacts.Single().Parameters["received"], Is.EqualTo("\"sip:127.0.0.5:40404\""));
    }

    [Test]
    public async Task A_contact_at_the_source_address_gets_no_received_parameter()
    {
        var challenge = await _switch.SendAsync(Register.Request());
        var ok = await _switch.SendAsync(Register.Request(authorization: Register.Answer(challenge, "1001", "secret-1001", DigestAlgorithm.Md5)));

        Assert.That(ok.Contacts.Single().Parameters["received"], Is.Null);
    }

    [Test, Description("RFC 3581 §4: the response Via says where the request really came from")]
    public async Task Responses_carry_received_and_rport_and_go_back_to_the_source()
    {
        var challenge = await _switch.SendAsync(Register.Request());

        Assert.That(challenge.TopVia.Received, Is.EqualTo("127.0.0.5"));
        Assert.That(challenge.TopVia.RPort, Is.EqualTo(40404));
        Assert.That(_switch.Destinations[^1], Is.EqualTo(SignallingHarness.Phone));
    }

    [Test]
    public async Task A_wrong_password_is_forbidden_and_recorded()
    {
        var challenge = await _switch.SendAsync(Register.Request());
        var forbidden = await _switch.SendAsync(Register.Request(authorization: Register.Answer(challenge, "1001", "wrong", DigestAlgorithm.Sha256)));

        Assert.That(forbidden.StatusCode, Is.EqualTo(403));
        // The 403 goes out first; the event follows on the worker a moment later.
        Assert.That(() => _switch.Events.Count, Is.EqualTo(1).After(2000, 10));
        Assert.That(_switch.Events.Single().Kind, Is.EqualTo(RegistrationEventKind.AuthFailed));
        Assert.That(_switch.Events.Single().Extension, Is.EqualTo("1001"));
    }

    [Test, Description("No extension enumeration: same challenge shape, same final answer")]
    public async Task An_unknown_extension_gets_exactly_what_a_wrong_password_gets()
    {
        var unknownChallenge = await _switch.SendAsync(Register.Request(extension: "4999"));
        var knownChallenge = await _switch.SendAsync(Register.Request(extension: "1001"));
        var unknown = await _switch.SendAsync(Register.Request(extension: "4999",
            authorization: Register.Answer(unknownChallenge, "4999", "guess", DigestAlgorithm.Sha256)));
        var wrong = await _switch.SendAsync(Register.Request(extension: "1001",
            authorization: Register.Answer(knownChallenge, "1001", "guess", DigestAlgorithm.Sha256)));

        Assert.That(unknownChallenge.StatusCode, Is.EqualTo(knownChallenge.StatusCode));
        Assert.That(unknownChallenge.GetHeaderValues("WWW-Authenticate").Select(StripNonce),
            Is.EqualTo(knownChallenge.GetHeaderValues("WWW-Authenticate").Select(StripNonce)));
        Assert.That((unknown.StatusCode, unknown.ReasonPhrase), Is.EqualTo((wrong.StatusCode, wrong.ReasonPhrase)));
        Assert.That(unknown.HeaderCount, Is.EqualTo(wrong.HeaderCount));
    }

    [Test]
    public async Task Credentials_of_another_extension_do_not_register_this_one()
    {
        var challenge = await _switch.SendAsync(Register.Request(extension: "1001"));
        var response = await _switch.SendAsync(Register.Request(extension: "1001",
            authorization: Register.Answer(challenge, "1002", "secret-1002", DigestAlgorithm.Sha256)));

        Assert.That(response.StatusCode, Is.EqualTo(403));
    }

    [Test, Description("RFC 7616 §3.3: a right answer to an expired nonce gets a fresh challenge with stale=true")]
    public async Task An_expired_nonce_is_challenged_again_as_stale()
    {
        var challenge = await _switch.SendAsync(Register.Request());
        _switch.Time.Advance(_switch.Nonces.Lifetime + TimeSpan.FromSeconds(1));
        var response = await _switch.SendAsync(Register.Request(authorization: Register.Answer(challenge, "1001", "secret-1001", DigestAlgorithm.Md5)));

        Assert.That(response.StatusCode, Is.EqualTo(401));
        Assert.That(response.GetHeaderValues("WWW-Authenticate"), Has.All.Contains("stale=true"));
    }

    [Test, Description("RFC 7616 §3.4: a nonce count that does not grow is a replay")]
    public async Task A_replayed_nonce_count_does_not_register_again()
    {
        var challenge = await _switch.SendAsync(Register.Request());
        var answer = Register.Answer(challenge, "1001", "secret-1001", DigestAlgorithm.Sha256);
        var first = await _switch.SendAsync(Register.Request(authorization: answer));
        var replay = await _switch.SendAsync(Register.Request(authorization: answer));

        Assert.That(first.StatusCode, Is.EqualTo(200));
        Assert.That(replay.StatusCode, Is.EqualTo(401));
    }

    [Test, Description("RFC 3261 §10.3 step 7: 423 with Min-Expires")]
    public async Task Too_brief_an_interval_gets_423_with_min_expires()
    {
        var challenge = await _switch.SendAsync(Register.Request(expires: "10"));
        var response = await _switch.SendAsync(Register.Request(expires: "10",
            authorization: Register.Answer(challenge, "1001", "secret-1001", DigestAlgorithm.Sha256)));

        Assert.That(response.StatusCode, Is.EqualTo(423));
        Assert.That(response.GetFirstHeaderValue("Min-Expires"), Is.EqualTo("60"));
    }

    [Test, Description("RFC 3261 §10.3 step 1")]
    public async Task A_register_for_another_domain_is_not_served()
    {
        var response = await _switch.SendAsync(Register.Request(host: "example.org"));
        Assert.That(response.StatusCode, Is.EqualTo(404));
    }

    [Test, Description("Phones set up with the switch's IP instead of its domain are ours too")]
    public async Task A_register_addressed_to_a_listen_address_is_served()
    {
        var challenge = await _switch.SendAsync(Register.Request(host: "127.0.0.1"));
        Assert.That(challenge.StatusCode, Is.EqualTo(401));
    }

    private static string StripNonce(string challenge) =>
        System.Text.RegularExpressions.Regex.Replace(challenge, "nonce=\"[^\"]*\"", "nonce=\"\"");
}
