using Softswitch.Calls.Routing;
using Softswitch.Calls.Supervision;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>
/// What an authenticated INVITE meets before it is answered: only our domain is served, the concurrency limits, and the
/// call's first log line naming who called, from where, what and which route.
/// </summary>
public sealed class SipRequestDispatcherInviteTests
{
    private const string Echo = "*43";

    private CapturedLogs _logs = null!;
    private CallSwitch _switch = null!;
    private readonly List<RtpPhone> _phones = [];

    [SetUp]
    public void SetUp()
    {
        _logs = new CapturedLogs();
        _switch = new CallSwitch(_logs, new CallLimits { MaxCalls = 3, MaxCallsPerExtension = 2, RetryAfterSeconds = 10 },
            new DialPlanRoute(Echo, RouteTarget.Echo), new DialPlanRoute("5XX", RouteTarget.Music, "default"));
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var phone in _phones) await phone.DisposeAsync();
        _phones.Clear();
        await _switch.DisposeAsync();
    }

    [TestCase("evil.example.com")]
    [TestCase("8.8.8.8")]
    public async Task An_invite_for_another_domain_is_refused_404_whatever_the_user(string host)
    {
        var call = new SipCall(_switch, "1001", Echo, host);

        var final = await call.CallAsync(PhoneSdp.Create(Phone(), 1));

        Assert.That(final.StatusCode, Is.EqualTo(404));
        Assert.That(_switch.Ports.Available, Is.EqualTo(_switch.Ports.Capacity), "no media was set up");
    }

    [TestCase(CallSwitch.Domain)]
    [TestCase("127.0.0.1:5060")]
    public async Task An_invite_for_our_domain_or_address_is_answered(string host)
    {
        var call = new SipCall(_switch, "1001", Echo, host);

        var final = await call.CallAsync(PhoneSdp.Create(Phone(), 1));

        Assert.That(final.StatusCode, Is.EqualTo(200));
        call.Ack();
        Assert.That((await call.ByeAsync()).StatusCode, Is.EqualTo(200));
    }

    [Test, Description("RFC 3261 §21.5.4: 503 with Retry-After")]
    public async Task A_third_call_from_one_extension_gets_503_with_retry_after_while_another_extension_gets_through()
    {
        var first = await AnsweredAsync("1001");
        await AnsweredAsync("1001");

        var third = new SipCall(_switch, "1001", Echo);
        var refused = await third.CallAsync(PhoneSdp.Create(Phone(), 1));
        var other = await AnsweredAsync("1002");

        Assert.That(refused.StatusCode, Is.EqualTo(503));
        Assert.That(refused.GetFirstHeaderValue("Retry-After"), Is.EqualTo("10"));
        Assert.That(other.Final!.StatusCode, Is.EqualTo(200));
        Assert.That(_logs.With("Limit").Select(e => e["Limit"]), Is.EqualTo(new[] { "limits.max_calls_per_extension" }), "logged once per refusal");

        // A call that ends gives its place back.
        await first.ByeAsync();
        await Eventually.TrueAsync(() => _switch.Ports.Available == _switch.Ports.Capacity - 2, () => "the first call's ports are still held");
        Assert.That((await AnsweredAsync("1001")).Final!.StatusCode, Is.EqualTo(200));
    }

    [Test]
    public async Task Over_the_global_limit_every_caller_gets_503()
    {
        await AnsweredAsync("1001");
        await AnsweredAsync("1002");
        await AnsweredAsync("1003");

        var refused = await new SipCall(_switch, "1003", Echo).CallAsync(PhoneSdp.Create(Phone(), 1));

        Assert.That(refused.StatusCode, Is.EqualTo(503));
        Assert.That(refused.GetFirstHeaderValue("Retry-After"), Is.Not.Null);
    }

    [Test]
    public async Task The_first_line_of_a_call_names_the_caller_the_source_the_number_and_the_route()
    {
        var call = await AnsweredAsync("1002");

        var line = _logs.With("RouteTarget").Single(e => e["CallId"] == call.CallId);
        Assert.That(line["Caller"], Is.EqualTo("1002"));
        Assert.That(line["Source"], Is.EqualTo(CallSwitch.PhoneSip.Address.ToString()));
        Assert.That(line["Dialled"], Is.EqualTo(Echo));
        Assert.That(line["RouteTarget"], Is.EqualTo("echo"));
        Assert.That(line["RouteMatch"], Is.EqualTo(Echo));
        var first = _logs.Entries.First(e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Information && e["CallId"] == call.CallId);
        Assert.That(first, Is.SameAs(line), "it is the call's first line at Information");
    }

    [Test]
    public async Task A_refused_call_to_another_domain_still_names_the_caller()
    {
        var call = new SipCall(_switch, "1001", "555", "evil.example.com");

        await call.CallAsync(PhoneSdp.Create(Phone(), 1));

        var line = _logs.With("RequestHost").Single(e => e["CallId"] == call.CallId);
        Assert.That(line["Caller"], Is.EqualTo("1001"));
        Assert.That(line["RequestHost"], Is.EqualTo("evil.example.com"));
        Assert.That(line["Dialled"], Is.EqualTo("555"));
    }

    private async Task<SipCall> AnsweredAsync(string extension)
    {
        var call = new SipCall(_switch, extension, Echo);
        var final = await call.CallAsync(PhoneSdp.Create(Phone(), 1));
        Assert.That(final.StatusCode, Is.EqualTo(200), $"a call from {extension}");
        call.Ack();
        return call;
    }

    private RtpPhone Phone()
    {
        var phone = new RtpPhone();
        _phones.Add(phone);
        return phone;
    }
}
