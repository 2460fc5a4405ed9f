using System.Net;
using Microsoft.Extensions.Time.Testing;
using Softswitch.Sip.Registrar;
using Softswitch.Sip.Transport;

namespace Softswitch.Sip.Tests.Registrar;

public class BindingStoreTests
{
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.10"), 5062));

    private FakeTimeProvider _clock = null!;
    private BindingStore _store = null!;
    private SipRegistrar _registrar = null!;

    [SetUp]
    public void SetUp()
    {
        _clock = new FakeTimeProvider(new DateTimeOffset(2025, 1, 1, 12, 0, 0, TimeSpan.Zero));
        _store = new BindingStore(_clock);
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

    private void Register(string aor, string contact, int expires, string? userAgent = null) =>
        Assert.That(_registrar.Apply(new RegisterRequest(aor, Guid.NewGuid().ToString(), 1, false,
            [new RegisterContact(contact)], expires, Phone, userAgent)).StatusCode, Is.EqualTo(200));
}
