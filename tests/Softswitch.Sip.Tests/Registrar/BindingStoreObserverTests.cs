using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

/// <summary>What the store tells its observer (the host persists bindings with it) and how it takes bindings back.</summary>
public class BindingStoreObserverTests
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    private FakeTimeProvider _clock = null!;
    private RecordingObserver _observer = null!;
    private BindingStore _store = null!;
    private SipRegistrar _registrar = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _observer = new RecordingObserver();
        _store = new BindingStore(_clock, _observer);
        _registrar = new SipRegistrar(_store);
    }

    [Test]
    public void Observer_hears_an_addition_a_refresh_and_a_removal_in_order()
    {
        Apply("100", "a", 1, "sip:100@192.0.2.10:5062", 300);
        _clock.Advance(TimeSpan.FromSeconds(10));
        Apply("100", "a", 2, "sip:100@192.0.2.10:5062", 300);
        Apply("100", "a", 3, "sip:100@192.0.2.10:5062", 0);

        Assert.That(_observer.Changes.Select(c => c.Kind),
            Is.EqualTo(new[] { BindingChangeKind.Added, BindingChangeKind.Refreshed, BindingChangeKind.Removed }));
        Assert.That(_observer.Changes[1].Binding.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddSeconds(300)), "the refreshed binding as stored now");
        Assert.That(_observer.Changes[1].Binding.CSeq, Is.EqualTo(2u));
    }

    [Test]
    public void Observer_hears_expiries_from_the_sweep_and_nothing_from_a_refused_request()
    {
        Apply("100", "a", 5, "sip:100@192.0.2.10:5062", 60);
        Assert.That(_registrar.Apply(Request("100", "a", 4, "sip:100@192.0.2.10:5062", 60)).StatusCode, Is.EqualTo(500), "CSeq out of order");
        _clock.Advance(TimeSpan.FromSeconds(61));
        _store.RemoveExpired();

        Assert.That(_observer.Changes.Select(c => c.Kind), Is.EqualTo(new[] { BindingChangeKind.Added, BindingChangeKind.Expired }));
    }

    [Test]
    public void Restore_puts_back_live_bindings_silently_and_skips_expired_ones()
    {
        var now = _clock.GetUtcNow();
        var live = Binding("100", "sip:100@192.0.2.10:5062", now.AddSeconds(120), "call-1", 7);
        var expired = Binding("101", "sip:101@192.0.2.11:5062", now.AddSeconds(-1), "call-2", 1);

        var restored = _store.Restore([live, expired]);

        Assert.That(restored, Is.EqualTo(1));
        Assert.That(_store.GetBindings("100"), Is.EqualTo(new[] { live }));
        Assert.That(_store.GetBindings("101"), Is.Empty);
        Assert.That(_observer.Changes, Is.Empty, "restored bindings are already stored");
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: the Call-ID/CSeq ordering holds across a restart")]
    public void A_restored_binding_keeps_its_CSeq_so_an_old_REGISTER_is_still_refused()
    {
        _store.Restore([Binding("100", "sip:100@192.0.2.10:5062", _clock.GetUtcNow().AddSeconds(120), "call-1", 7)]);

        Assert.That(_registrar.Apply(Request("100", "call-1", 7, "sip:100@192.0.2.10:5062", 300)).StatusCode, Is.EqualTo(500));
        var refresh = _registrar.Apply(Request("100", "call-1", 8, "sip:100@192.0.2.10:5062", 300));

        Assert.That(refresh.StatusCode, Is.EqualTo(200));
        Assert.That(_store.GetBindings("100"), Has.Count.EqualTo(1), "the refresh replaced the restored binding (same key)");
        Assert.That(_observer.Changes.Single().Kind, Is.EqualTo(BindingChangeKind.Refreshed));
    }

    private ContactBinding Binding(string aor, string contact, DateTimeOffset expiresAt, string callId, uint cseq) =>
        new(aor, contact, ContactBindingKey.For(contact, null, null), expiresAt, callId, cseq, Phone, "Phone/1", null, null,
            _clock.GetUtcNow().AddHours(-1), _clock.GetUtcNow().AddMinutes(-1));

    private void Apply(string aor, string callId, uint cseq, string contact, int expires) =>
        Assert.That(_registrar.Apply(Request(aor, callId, cseq, contact, expires)).StatusCode, Is.EqualTo(200));

    private static RegisterRequest Request(string aor, string callId, uint cseq, string contact, int expires) =>
        new(aor, callId, cseq, false, [new RegisterContact(contact)], expires, Phone, "Phone/1");

    private sealed class RecordingObserver : IBindingStoreObserver
    {
        public List<BindingChange> Changes { get; } = [];

        public void OnBindingsChanged(IReadOnlyList<BindingChange> changes) => Changes.AddRange(changes);
    }
}
