using System.Collections.Concurrent;
using Softswitch.Calls.Presence;
using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;

namespace Softswitch.Calls.Tests.Legs;

/// <summary>A call the switch answers itself shows on the caller's busy lamp: trying, (early,) confirmed, terminated.</summary>
public sealed class InboundCallActivityTests
{
    private const string Echo = "*43";
    private const string Ringing = "*44";

    private CallSwitch _switch = null!;
    private readonly List<RtpPhone> _phones = [];
    private readonly Changes _changes = new();

    [SetUp]
    public void SetUp()
    {
        _switch = new CallSwitch(new DialPlanRoute(Echo, RouteTarget.Echo),
            new DialPlanRoute(Ringing, RouteTarget.Echo) { AnswerAfter = TimeSpan.FromSeconds(2) });
        _switch.Activity.Observe(_changes);
    }

    [TearDown]
    public async Task TearDown()
    {
        foreach (var phone in _phones) await phone.DisposeAsync();
        _phones.Clear();
        await _switch.DisposeAsync();
    }

    [Test, Description("RFC 4235 §3.7.1")]
    public async Task The_callers_dialog_goes_trying_confirmed_terminated()
    {
        var call = new SipCall(_switch, "1001", Echo);
        Assert.That((await call.CallAsync(PhoneSdp.Create(Phone(), 1))).StatusCode, Is.EqualTo(200));
        call.Ack();
        var talking = _switch.Activity.Snapshot("1001").Single();

        await call.ByeAsync();
        await _switch.WaitForPortsReleasedAsync();
        await Eventually.TrueAsync(() => _changes.States("1001").Count == 3, () => string.Join(", ", _changes.States("1001")));

        Assert.Multiple(() =>
        {
            Assert.That(talking.CallId, Is.EqualTo(call.CallId));
            Assert.That(talking.Direction, Is.EqualTo(DialogDirection.Initiator));
            Assert.That(talking.State, Is.EqualTo(DialogState.Confirmed));
            Assert.That(talking.RemoteUri, Does.StartWith("sip:*43@"));
            Assert.That(talking.LocalTag, Is.Not.Null, "the caller's From tag");
            Assert.That(talking.RemoteTag, Is.EqualTo(call.Final!.To.Tag), "our tag in the 200");
            Assert.That(_changes.States("1001"), Is.EqualTo(new[] { DialogState.Trying, DialogState.Confirmed, DialogState.Terminated }));
            Assert.That(_switch.Activity.Snapshot("1001"), Is.Empty);
        });
    }

    [Test]
    public async Task A_route_that_rings_first_shows_early_and_a_cancelled_call_ends_terminated()
    {
        var call = new SipCall(_switch, "1002", Ringing);
        await call.InviteAsync(PhoneSdp.Create(Phone(), 1));
        await call.WaitForInviteResponseAsync(180);
        await Eventually.TrueAsync(() => _changes.States("1002").Contains(DialogState.Early), () => string.Join(", ", _changes.States("1002")));

        await call.CancelAsync();
        await _switch.WaitForPortsReleasedAsync();
        await Eventually.TrueAsync(() => _changes.States("1002").Count == 3, () => string.Join(", ", _changes.States("1002")));

        Assert.That(_changes.States("1002"), Is.EqualTo(new[] { DialogState.Trying, DialogState.Early, DialogState.Terminated }));
    }

    private RtpPhone Phone()
    {
        var phone = new RtpPhone();
        _phones.Add(phone);
        return phone;
    }

    private sealed class Changes : IExtensionActivityObserver
    {
        private readonly ConcurrentQueue<ExtensionActivityChange> _changes = new();

        public List<DialogState> States(string extension) => _changes.Where(c => c.Extension == extension).Select(c => c.Changed.State).ToList();

        public void OnActivity(ExtensionActivityChange change) => _changes.Enqueue(change);
    }
}
