using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

public class BindingStoreTests
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
    public void Unknown_aor_has_no_bindings()
    {
        Assert.That(_store.GetBindings("100"), Is.Empty);
    }

    [Test]
    [Description("RFC 3261 §10.3: an expired binding is no longer used")]
    public void Expired_bindings_are_hidden_on_read_before_any_sweep()
    {
        Register("100", "sip:100@192.0.2.10:5062", expires: 120);

        _clock.Advance(TimeSpan.FromSeconds(119));
        Assert.That(_store.GetBindings("100"), Has.Count.EqualTo(1));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Multiple(() =>
        {
            Assert.That(_store.GetBindings("100"), Is.Empty);
            Assert.That(_store.GetAllBindings(), Is.Empty);
        });
    }

    [Test]
    public void Sweep_removes_and_returns_only_expired_bindings()
    {
        Register("100", "sip:100@192.0.2.10:5062", expires: 60);
        Register("100", "sip:100@192.0.2.11:5062", expires: 600);
        Register("101", "sip:101@192.0.2.12:5062", expires: 60);
        _clock.Advance(TimeSpan.FromSeconds(61));

        var expired = _store.RemoveExpired();

        Assert.Multiple(() =>
        {
            Assert.That(expired.Select(b => b.ContactUri), Is.EquivalentTo(new[] { "sip:100@192.0.2.10:5062", "sip:101@192.0.2.12:5062" }));
            Assert.That(_store.GetBindings("100").Single().ContactUri, Is.EqualTo("sip:100@192.0.2.11:5062"));
            Assert.That(_store.RemoveExpired(), Is.Empty, "each expiry is reported once");
        });
    }

    [Test]
    public void Binding_records_what_the_host_needs_to_reach_and_show_the_phone()
    {
        Register("100", "sip:100@192.0.2.10:5062;transport=udp", expires: 300, userAgent: "Yealink T46U");

        var binding = _store.GetBindings("100").Single();

        Assert.Multiple(() =>
        {
            Assert.That(binding.AddressOfRecord, Is.EqualTo("100"));
            Assert.That(binding.Source, Is.EqualTo(Phone));
            Assert.That(binding.UserAgent, Is.EqualTo("Yealink T46U"));
            Assert.That(binding.ExpiresAt, Is.EqualTo(_clock.GetUtcNow().AddSeconds(300)));
            Assert.That(binding.RemainingSeconds(_clock.GetUtcNow()), Is.EqualTo(300));
            Assert.That(binding.Key, Is.EqualTo("sip:100@192.0.2.10:5062;transport=udp"));
        });
    }

    [Test]
    public void Concurrent_registrations_of_many_aors_are_all_kept()
    {
        Parallel.For(0, 200, i => Register($"{1000 + i % 20}", $"sip:{i}@192.0.2.1:{5000 + i}", expires: 300));

        Assert.That(_store.GetAllBindings(), Has.Count.EqualTo(200));
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

    private void Register(string aor, string contact, int expires, string? userAgent = null) =>
        Assert.That(_registrar.Apply(new RegisterRequest(aor, Guid.NewGuid().ToString(), 1, false,
            [new RegisterContact(contact)], expires, Phone, userAgent)).StatusCode, Is.EqualTo(200));

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
