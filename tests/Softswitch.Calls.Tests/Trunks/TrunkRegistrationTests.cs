using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Calls.Trunks;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>Outbound registration to a carrier: digest, refresh, backoff, failover, unregister.</summary>
public sealed class TrunkRegistrationTests
{
    private static readonly TrunkLocalAddress Local = new("127.0.0.1", 5060);
    private CountingTimeProvider _time = null!;
    private FakeTrunkRequestSender _sender = null!;
    private FakeSipServerLocator _dns = null!;
    private TrunkState _trunk = null!;
    private TrunkRegistration _registration = null!;

    [SetUp]
    public void SetUp()
    {
        _time = new CountingTimeProvider();
        _sender = new FakeTrunkRequestSender();
        _dns = new FakeSipServerLocator("192.0.2.10:5060", "192.0.2.11:5060");
        _trunk = new TrunkRegistry([new TrunkSettings
        {
            Name = "carrier1", Host = "sip.carrier.test", Username = "6139001", Password = "trunk-secret", Register = true,
            RegisterExpires = TimeSpan.FromSeconds(600),
        }]).Trunks[0];
        _registration = new TrunkRegistration(_trunk, new TrunkSignalling(new TrunkLocator(_dns), _sender, Local, _time, NullLogger.Instance));
    }

    [TearDown]
    public async Task TearDown()
    {
        var stopping = _registration.StopAsync();
        // An unregister may be on its way: let it time out on the fake clock.
        while (!stopping.IsCompleted)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(stopping, Task.Delay(10));
        }

        await stopping;
    }

    [Test, Description("RFC 3261 §10.2, §22.2")]
    public async Task Registers_answering_the_401_with_digest_for_the_account()
    {
        _registration.Start();
        var first = await _sender.NextAsync();
        Assert.That(first.Request.Method, Is.EqualTo(SipMethod.Register));
        Assert.That(first.Request.RequestUri.ToString(), Is.EqualTo("sip:sip.carrier.test"));
        Assert.That(first.Request.From.Uri.ToString(), Is.EqualTo("sip:6139001@sip.carrier.test"));
        Assert.That(first.Request.To.Uri.ToString(), Is.EqualTo("sip:6139001@sip.carrier.test"));
        Assert.That(first.Request.Contacts[0].Uri.User, Is.EqualTo(_trunk.ContactUser));
        Assert.That(first.Request.Expires, Is.EqualTo(600));
        Assert.That(first.Destination.ToString(), Is.EqualTo("udp:192.0.2.10:5060"));
        first.Answer(401, ("WWW-Authenticate", "Digest realm=\"carrier.test\", nonce=\"n0nce1\", qop=\"auth\", algorithm=MD5"));

        var second = await _sender.NextAsync();
        Assert.That(second.Request.CallId, Is.EqualTo(first.Request.CallId), "one Call-ID for the registration (§10.2.4)");
        Assert.That(second.Request.CSeq.Number, Is.EqualTo(first.Request.CSeq.Number + 1));
        Assert.That(DigestCredentials.TryParse(second.Request.GetFirstHeaderValue("Authorization"), out var credentials), Is.True);
        var expected = DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, "6139001", "carrier.test", "trunk-secret", "REGISTER",
            credentials!.Uri, "n0nce1", "auth", credentials.NonceCount, credentials.Cnonce);
        Assert.That(credentials.Response, Is.EqualTo(expected));
        Assert.That(credentials.Uri, Is.EqualTo("sip:sip.carrier.test"));

        var timers = _time.TimersCreated;
        second.Answer(200, ("Contact", $"<sip:{_trunk.ContactUser}@127.0.0.1:5060>;expires=120"));
        await _time.TimerArmedAsync(timers);
        var status = _trunk.Snapshot();
        Assert.That(status.Registration, Is.EqualTo(TrunkRegistrationState.Registered));
        Assert.That(status.RegistrationExpiresAt, Is.EqualTo(_time.GetUtcNow().AddSeconds(120)), "the carrier's grant, not what we asked");
        Assert.That(status.CurrentTarget?.ToString(), Is.EqualTo("udp:192.0.2.10:5060"));
    }

    [Test, Description("RFC 3261 §10.2.4: refresh before the binding expires")]
    public async Task Refreshes_at_ninety_percent_of_the_grant_with_the_same_call_id()
    {
        var first = await RegisterAsync(expires: 600);

        Assert.That(await AdvanceAndCheckNothingSentAsync(TimeSpan.FromSeconds(539)), Is.True);
        _time.Advance(TimeSpan.FromSeconds(1));
        var refresh = await _sender.NextAsync();
        Assert.That(refresh.Request.CallId, Is.EqualTo(first.Request.CallId));
        Assert.That(refresh.Request.CSeq.Number, Is.GreaterThan(first.Request.CSeq.Number));
        Assert.That(refresh.Destination, Is.EqualTo(first.Destination), "the registrar in use is asked first");
    }

    [Test]
    public async Task A_refused_registration_is_retried_after_30_then_60_seconds_with_a_new_lookup()
    {
        _registration.Start();
        var timers = _time.TimersCreated;
        (await _sender.NextAsync()).Answer(403);
        await _time.TimerArmedAsync(timers);
        var failed = _trunk.Snapshot();
        Assert.That(failed.Registration, Is.EqualTo(TrunkRegistrationState.Failed));
        Assert.That(failed.NextRetryAt, Is.EqualTo(_time.GetUtcNow().AddSeconds(30)));
        Assert.That(failed.LastFailure, Does.Contain("403"));
        Assert.That(_dns.Lookups, Is.EqualTo(1), "a 403 is the carrier's answer: the second target is not asked");

        Assert.That(await AdvanceAndCheckNothingSentAsync(TimeSpan.FromSeconds(29)), Is.True);
        timers = _time.TimersCreated;
        _time.Advance(TimeSpan.FromSeconds(1));
        (await _sender.NextAsync()).Answer(403);
        await _time.TimerArmedAsync(timers);
        Assert.That(_dns.Lookups, Is.EqualTo(2), "each retry locates the carrier again");
        Assert.That(_trunk.Snapshot().NextRetryAt, Is.EqualTo(_time.GetUtcNow().AddSeconds(60)));
    }

    [Test, Description("RFC 3263 §4.3: a target that does not answer, then the next")]
    public async Task A_silent_target_fails_over_to_the_next_one()
    {
        _registration.Start();
        var silent = await _sender.NextAsync();
        silent.TimeOut();
        var next = await _sender.NextAsync();
        Assert.That(silent.Destination.ToString(), Is.EqualTo("udp:192.0.2.10:5060"));
        Assert.That(next.Destination.ToString(), Is.EqualTo("udp:192.0.2.11:5060"));
        var timers = _time.TimersCreated;
        next.Answer(200, ("Expires", "300"));
        await _time.TimerArmedAsync(timers);
        Assert.That(_trunk.Snapshot().CurrentTarget?.ToString(), Is.EqualTo("udp:192.0.2.11:5060"));
        Assert.That(_trunk.Snapshot().RegistrationExpiresAt, Is.EqualTo(_time.GetUtcNow().AddSeconds(300)));
    }

    [Test, Description("RFC 3261 §10.2.2")]
    public async Task Stopping_unregisters_with_expires_zero()
    {
        var first = await RegisterAsync(expires: 600);

        var stopping = _registration.StopAsync();
        var unregister = await _sender.NextAsync();
        Assert.That(unregister.Request.Expires, Is.EqualTo(0));
        Assert.That(unregister.Request.CallId, Is.EqualTo(first.Request.CallId));
        Assert.That(unregister.Destination, Is.EqualTo(first.Destination));
        unregister.Answer(200);
        await stopping;
        Assert.That(_trunk.Registration, Is.EqualTo(TrunkRegistrationState.Unregistered));
    }

    [Test]
    public void Backoff_doubles_from_30_seconds_up_to_10_minutes()
    {
        var policy = new TrunkRetryPolicy();
        Assert.That(Enumerable.Range(1, 7).Select(f => policy.Backoff(f).TotalSeconds), Is.EqualTo(new[] { 30, 60, 120, 240, 480, 600, 600 }));
        Assert.That(TrunkRetryPolicy.RefreshAfter(TimeSpan.FromSeconds(600)), Is.EqualTo(TimeSpan.FromSeconds(540)));
        Assert.That(TrunkRetryPolicy.RefreshAfter(TimeSpan.FromSeconds(120)), Is.EqualTo(TimeSpan.FromSeconds(90)));
        Assert.That(TrunkRetryPolicy.RefreshAfter(TimeSpan.FromSeconds(40)), Is.EqualTo(TimeSpan.FromSeconds(20)));
    }

    private async Task<SentTrunkRequest> RegisterAsync(int expires)
    {
        _registration.Start();
        var request = await _sender.NextAsync();
        var timers = _time.TimersCreated;
        request.Answer(200, ("Expires", expires.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        await _time.TimerArmedAsync(timers);
        return request;
    }

    private async Task<bool> AdvanceAndCheckNothingSentAsync(TimeSpan by)
    {
        _time.Advance(by);
        return await _sender.NothingSentAsync(TimeSpan.FromMilliseconds(100));
    }
}
