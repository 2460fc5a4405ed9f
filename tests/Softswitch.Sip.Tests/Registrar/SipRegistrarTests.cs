using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

public class SipRegistrarTests
{
    private const string Aor = "100";
    private const string DeskPhone = "sip:100@192.0.2.10:5062";
    private const string Softphone = "sip:100@192.0.2.20:5060;transport=tcp";
    private static readonly SipEndPoint DeskSource = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    private FakeTimeProvider _clock = null!;
    private BindingStore _store = null!;
    private RecordingObserver _observer = null!;
    private SipRegistrar _registrar = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _store = new BindingStore(_clock);
        _observer = new RecordingObserver();
        _registrar = new SipRegistrar(_store, new RegistrarOptions { MinExpires = 60, MaxExpires = 7200, DefaultExpires = 3600, MaxContactsPerAor = 3 }, _observer);
    }

    [Test]
    [Description("RFC 3261 §10.3 step 8: 200 OK lists every binding with its expires")]
    public void First_register_adds_a_binding_and_lists_it()
    {
        var outcome = Apply("call-1", 1, expires: 1800, DeskPhone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(200));
            Assert.That(outcome.ReasonPhrase, Is.EqualTo("OK"));
            Assert.That(outcome.Bindings.Select(b => (b.Binding.ContactUri, b.ExpiresInSeconds)), Is.EqualTo(new[] { (DeskPhone, 1800) }));
            Assert.That(outcome.Changes.Single().Kind, Is.EqualTo(BindingChangeKind.Added));
            Assert.That(_observer.Kinds, Is.EqualTo(new[] { RegistrationEventKind.Registered }));
        });
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: the same contact updates its binding")]
    public void Refresh_keeps_one_binding_with_the_new_expiry()
    {
        Apply("call-1", 1, expires: 600, DeskPhone);
        _clock.Advance(TimeSpan.FromSeconds(300));

        var outcome = Apply("call-1", 2, expires: 600, "SIP:100@192.0.2.10:5062;rinstance=7");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Bindings, Has.Length.EqualTo(1));
            Assert.That(outcome.Bindings[0].ExpiresInSeconds, Is.EqualTo(600));
            Assert.That(outcome.Bindings[0].Binding.CSeq, Is.EqualTo(2u));
            Assert.That(outcome.Bindings[0].Binding.RegisteredAt, Is.EqualTo(_clock.GetUtcNow().AddSeconds(-300)), "first registration time kept");
            Assert.That(outcome.Changes.Single().Kind, Is.EqualTo(BindingChangeKind.Refreshed));
            Assert.That(_observer.Kinds, Is.EqualTo(new[] { RegistrationEventKind.Registered, RegistrationEventKind.Refreshed }));
        });
    }

    [Test]
    [Description("RFC 3261 §10.3: an AOR can have several contacts (forking)")]
    public void Two_contacts_for_one_extension_are_both_kept()
    {
        Apply("desk", 1, expires: 3600, DeskPhone);
        var outcome = Apply("soft", 1, expires: 300, Softphone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Bindings.Select(b => b.Binding.ContactUri), Is.EqualTo(new[] { DeskPhone, Softphone }));
            Assert.That(outcome.Bindings.Select(b => b.ExpiresInSeconds), Is.EqualTo(new[] { 3600, 300 }));
            Assert.That(_store.GetBindings(Aor), Has.Count.EqualTo(2));
        });
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: expires = contact parameter, else Expires header, else a local default")]
    public void Expiry_comes_from_the_contact_then_the_header_then_the_default()
    {
        var outcome = _registrar.Apply(Request("c", 1, expires: 900,
            new RegisterContact("sip:100@192.0.2.1", Expires: 120), new RegisterContact("sip:100@192.0.2.2")));
        var withoutHeader = _registrar.Apply(Request("d", 1, expires: null, new RegisterContact("sip:100@192.0.2.3")));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Bindings.Select(b => b.ExpiresInSeconds), Is.EqualTo(new[] { 120, 900 }));
            Assert.That(withoutHeader.Bindings.Single(b => b.Binding.ContactUri == "sip:100@192.0.2.3").ExpiresInSeconds, Is.EqualTo(3600));
        });
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: the registrar MAY shorten the interval")]
    public void Too_long_an_interval_is_clamped_to_the_maximum()
    {
        var outcome = Apply("c", 1, expires: 86400, DeskPhone);

        Assert.That(outcome.Bindings.Single().ExpiresInSeconds, Is.EqualTo(7200));
    }

    [TestCase(1)]
    [TestCase(59)]
    [Description("RFC 3261 §10.3 step 7, §21.4.17: 423 Interval Too Brief with Min-Expires")]
    public void Interval_below_the_minimum_gets_423_with_min_expires(int expires)
    {
        var outcome = Apply("c", 1, expires, DeskPhone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(423));
            Assert.That(outcome.ReasonPhrase, Is.EqualTo("Interval Too Brief"));
            Assert.That(outcome.MinExpires, Is.EqualTo(60));
            Assert.That(_store.GetBindings(Aor), Is.Empty);
            Assert.That(_observer.Kinds, Is.EqualTo(new[] { RegistrationEventKind.Rejected }));
        });
    }

    [Test]
    public void Interval_equal_to_the_minimum_is_accepted()
    {
        Assert.That(Apply("c", 1, expires: 60, DeskPhone).StatusCode, Is.EqualTo(200));
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: a 423 for one contact refuses the whole request")]
    public void One_brief_contact_refuses_the_whole_request()
    {
        var outcome = _registrar.Apply(Request("c", 1, expires: 600,
            new RegisterContact(DeskPhone), new RegisterContact(Softphone, Expires: 10)));

        Assert.That(outcome.StatusCode, Is.EqualTo(423));
        Assert.That(_store.GetBindings(Aor), Is.Empty);
    }

    [Test]
    [Description("RFC 3261 §10.2.2: expires 0 removes that binding")]
    public void Expires_zero_removes_only_that_binding()
    {
        Apply("desk", 1, expires: 600, DeskPhone);
        Apply("soft", 1, expires: 600, Softphone);

        var outcome = Apply("desk", 2, expires: 0, DeskPhone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(200));
            Assert.That(outcome.Bindings.Select(b => b.Binding.ContactUri), Is.EqualTo(new[] { Softphone }));
            Assert.That(outcome.Changes.Single().Kind, Is.EqualTo(BindingChangeKind.Removed));
            Assert.That(_observer.Kinds.Last(), Is.EqualTo(RegistrationEventKind.Unregistered));
        });
    }

    [Test]
    public void Expires_zero_for_an_unknown_contact_changes_nothing()
    {
        var outcome = Apply("c", 1, expires: 0, DeskPhone);

        Assert.That(outcome.StatusCode, Is.EqualTo(200));
        Assert.That(outcome.Changes, Is.Empty);
    }

    [Test]
    [Description("RFC 3261 §10.3 step 6: Contact: * with Expires: 0 removes every binding")]
    public void Star_with_expires_zero_removes_all_bindings()
    {
        Apply("desk", 1, expires: 600, DeskPhone);
        Apply("soft", 1, expires: 600, Softphone);

        var outcome = _registrar.Apply(Request("other", 1, expires: 0) with { IsStar = true });

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(200));
            Assert.That(outcome.Bindings, Is.Empty);
            Assert.That(outcome.Changes.Select(c => c.Kind), Is.EqualTo(new[] { BindingChangeKind.Removed, BindingChangeKind.Removed }));
            Assert.That(_store.GetBindings(Aor), Is.Empty);
        });
    }

    [TestCase(null)]
    [TestCase(3600)]
    [Description("RFC 3261 §10.3 step 6: * with an expiration other than zero is a 400")]
    public void Star_without_expires_zero_is_a_bad_request(int? expires)
    {
        Apply("desk", 1, expires: 600, DeskPhone);

        var outcome = _registrar.Apply(Request("desk", 2, expires) with { IsStar = true });

        Assert.That(outcome.StatusCode, Is.EqualTo(400));
        Assert.That(_store.GetBindings(Aor), Has.Count.EqualTo(1));
    }

    [Test]
    [Description("RFC 3261 §10.3 step 6: * with other Contact header fields is a 400")]
    public void Star_with_other_contacts_is_a_bad_request()
    {
        var outcome = _registrar.Apply(Request("c", 1, expires: 0, new RegisterContact(DeskPhone)) with { IsStar = true });

        Assert.That(outcome.StatusCode, Is.EqualTo(400));
    }

    [Test]
    [Description("RFC 3261 §10.3 step 6: * with the stored Call-ID needs a higher CSeq")]
    public void Star_with_an_old_cseq_for_the_same_call_id_fails()
    {
        Apply("desk", 5, expires: 600, DeskPhone);

        var outcome = _registrar.Apply(Request("desk", 5, expires: 0) with { IsStar = true });

        Assert.That(outcome.StatusCode, Is.EqualTo(500));
        Assert.That(_store.GetBindings(Aor), Has.Count.EqualTo(1));
    }

    [TestCase(4u)]
    [TestCase(5u)]
    [Description("RFC 3261 §10.3 step 7: same Call-ID and CSeq not higher than stored aborts the update")]
    public void Same_call_id_with_an_old_cseq_is_refused(uint cseq)
    {
        Apply("call-1", 5, expires: 600, DeskPhone);

        var outcome = Apply("call-1", cseq, expires: 0, DeskPhone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(500));
            Assert.That(outcome.Detail, Does.Contain("CSeq"));
            Assert.That(_store.GetBindings(Aor).Single().CSeq, Is.EqualTo(5u));
        });
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: a different Call-ID replaces the binding whatever its CSeq")]
    public void Different_call_id_updates_even_with_a_lower_cseq()
    {
        Apply("before-reboot", 50, expires: 600, DeskPhone);

        var outcome = Apply("after-reboot", 1, expires: 600, DeskPhone);

        Assert.That(outcome.StatusCode, Is.EqualTo(200));
        Assert.That(_store.GetBindings(Aor).Single().CallId, Is.EqualTo("after-reboot"));
    }

    [Test]
    [Description("RFC 3261 §10.3 step 7: updates are committed only if all succeed")]
    public void A_refused_contact_leaves_earlier_contacts_of_the_request_uncommitted()
    {
        Apply("call-1", 5, expires: 600, DeskPhone);

        var outcome = _registrar.Apply(Request("call-1", 3, expires: 600, new RegisterContact(Softphone), new RegisterContact(DeskPhone)));

        Assert.That(outcome.StatusCode, Is.EqualTo(500));
        Assert.That(_store.GetBindings(Aor).Select(b => b.ContactUri), Is.EqualTo(new[] { DeskPhone }));
    }

    [Test]
    [Description("RFC 3261 §10.3 step 8 / §10.2.3: a REGISTER without Contact fetches the bindings")]
    public void Register_without_contacts_returns_current_bindings_unchanged()
    {
        Apply("desk", 1, expires: 600, DeskPhone);
        _clock.Advance(TimeSpan.FromSeconds(100));

        var outcome = _registrar.Apply(Request("query", 1, expires: null));

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(200));
            Assert.That(outcome.Bindings.Single().ExpiresInSeconds, Is.EqualTo(500));
            Assert.That(outcome.Changes, Is.Empty);
        });
    }

    [Test]
    public void Contacts_beyond_the_cap_evict_the_least_recently_refreshed()
    {
        for (var i = 1; i <= 3; i++)
        {
            Apply($"c{i}", 1, expires: 600, $"sip:100@192.0.2.{i}");
            _clock.Advance(TimeSpan.FromSeconds(1));
        }
        Apply("c1", 2, expires: 600, "sip:100@192.0.2.1"); // refreshed: now the newest

        var outcome = Apply("c4", 1, expires: 600, "sip:100@192.0.2.4");

        Assert.Multiple(() =>
        {
            Assert.That(outcome.StatusCode, Is.EqualTo(200));
            Assert.That(outcome.Bindings.Select(b => b.Binding.ContactUri),
                Is.EquivalentTo(new[] { "sip:100@192.0.2.1", "sip:100@192.0.2.3", "sip:100@192.0.2.4" }));
            Assert.That(outcome.Changes.Last(), Is.EqualTo(outcome.Changes.Single(c => c.Kind == BindingChangeKind.Evicted)));
            Assert.That(outcome.Changes.Single(c => c.Kind == BindingChangeKind.Evicted).Binding.ContactUri, Is.EqualTo("sip:100@192.0.2.2"));
            Assert.That(_observer.Kinds.Last(), Is.EqualTo(RegistrationEventKind.Evicted));
        });
    }

    [Test]
    [Description("RFC 5626 §6: same instance-id and reg-id replaces the binding although the URI changed")]
    public void Same_instance_after_a_nat_rebinding_replaces_its_binding()
    {
        _registrar.Apply(Request("a", 1, 600, new RegisterContact("sip:100@198.51.100.1:1111", InstanceId: "<urn:uuid:1>", RegId: 1)));

        var outcome = _registrar.Apply(Request("b", 1, 600, new RegisterContact("sip:100@198.51.100.1:2222", InstanceId: "<urn:uuid:1>", RegId: 1)));

        Assert.That(outcome.Bindings.Single().Binding.ContactUri, Is.EqualTo("sip:100@198.51.100.1:2222"));
        Assert.That(outcome.Changes.Single().Kind, Is.EqualTo(BindingChangeKind.Refreshed));
    }

    [Test]
    [Description("RFC 3261 §10.3: bindings vanish when their time passes")]
    public void Sweep_reports_expired_bindings_to_the_observer_once()
    {
        Apply("desk", 1, expires: 60, DeskPhone);
        Apply("soft", 1, expires: 3600, Softphone);
        _clock.Advance(TimeSpan.FromSeconds(60));

        var expired = _registrar.RemoveExpired();
        _registrar.RemoveExpired();

        Assert.Multiple(() =>
        {
            Assert.That(expired.Single().ContactUri, Is.EqualTo(DeskPhone));
            var expiry = _observer.Events.Single(e => e.Kind == RegistrationEventKind.Expired);
            Assert.That(expiry.Contact, Is.EqualTo(DeskPhone));
            Assert.That(expiry.Source, Is.EqualTo(DeskSource));
            Assert.That(expiry.Time, Is.EqualTo(_clock.GetUtcNow()));
        });
    }

    [Test]
    public void An_update_of_the_aor_reports_its_expired_bindings_too()
    {
        Apply("desk", 1, expires: 60, DeskPhone);
        _clock.Advance(TimeSpan.FromSeconds(61));

        var outcome = Apply("soft", 1, expires: 600, Softphone);

        Assert.Multiple(() =>
        {
            Assert.That(outcome.Changes.Select(c => c.Kind), Is.EqualTo(new[] { BindingChangeKind.Expired, BindingChangeKind.Added }));
            Assert.That(_registrar.RemoveExpired(), Is.Empty);
            Assert.That(_observer.Kinds.Count(k => k == RegistrationEventKind.Expired), Is.EqualTo(1));
        });
    }

    [Test]
    public void Events_carry_extension_contact_source_user_agent_and_time()
    {
        Apply("desk", 1, expires: 600, DeskPhone);

        Assert.That(_observer.Events.Single(), Is.EqualTo(new RegistrationEvent(
            Aor, DeskPhone, DeskSource, "TestPhone/1.0", _clock.GetUtcNow(), RegistrationEventKind.Registered, CallId: "desk")));
    }

    [Test]
    public void Negative_expires_is_a_bad_request()
    {
        Assert.That(Apply("c", 1, expires: -1, DeskPhone).StatusCode, Is.EqualTo(400));
    }

    private RegisterOutcome Apply(string callId, uint cseq, int? expires, string contact) =>
        _registrar.Apply(Request(callId, cseq, expires, new RegisterContact(contact)));

    private static RegisterRequest Request(string callId, uint cseq, int? expires, params RegisterContact[] contacts) =>
        new(Aor, callId, cseq, IsStar: false, contacts, expires, DeskSource, "TestPhone/1.0");

    private sealed class RecordingObserver : IRegistrationObserver
    {
        public List<RegistrationEvent> Events { get; } = [];

        public IEnumerable<RegistrationEventKind> Kinds => Events.Select(e => e.Kind);

        public void OnRegistrationEvent(RegistrationEvent registrationEvent) => Events.Add(registrationEvent);
    }
}
