using Softswitch.Calls.Trunks;

namespace Softswitch.Calls.Tests.Trunks;

public sealed class TrunkRegistryTests
{
    [Test]
    public void Call_slots_honour_max_calls_and_a_released_slot_can_be_taken_again()
    {
        var registry = new TrunkRegistry([new TrunkSettings { Name = "carrier1", Host = "192.0.2.1", MaxCalls = 2 }]);
        Assert.That(registry.TryAcquireCall("carrier1"), Is.True);
        Assert.That(registry.TryAcquireCall("CARRIER1"), Is.True, "names match in any case");
        Assert.That(registry.TryAcquireCall("carrier1"), Is.False);
        Assert.That(registry.Snapshot()[0].ActiveCalls, Is.EqualTo(2));
        registry.ReleaseCall("carrier1");
        Assert.That(registry.TryAcquireCall("carrier1"), Is.True);
    }

    [Test]
    public void Zero_max_calls_is_unlimited_and_releases_never_go_below_zero()
    {
        var registry = new TrunkRegistry([new TrunkSettings { Name = "open", Host = "192.0.2.1" }]);
        Assert.That(Enumerable.Range(0, 1000).All(_ => registry.TryAcquireCall("open")), Is.True);
        for (var i = 0; i < 1005; i++) registry.ReleaseCall("open");
        Assert.That(registry.Snapshot()[0].ActiveCalls, Is.Zero);
        Assert.That(registry.TryAcquireCall("missing"), Is.False);
    }

    [Test]
    public void A_fresh_trunk_reports_unregistered_and_unknown_reachability()
    {
        var status = new TrunkRegistry([new TrunkSettings { Name = "t", Host = "192.0.2.1", MaxCalls = 5 }]).Snapshot().Single();
        Assert.That(status.Registration, Is.EqualTo(TrunkRegistrationState.Unregistered));
        Assert.That(status.Reachability, Is.EqualTo(TrunkReachability.Unknown));
        Assert.That(status.CurrentTarget, Is.Null);
        Assert.That(status.MaxCalls, Is.EqualTo(5));
    }
}
