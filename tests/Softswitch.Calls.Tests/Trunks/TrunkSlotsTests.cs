using Softswitch.Calls.Trunks;

namespace Softswitch.Calls.Tests.Trunks;

/// <summary>
/// Issue 9, per-trunk limits after a transfer: a trunk's call slot belongs to the leg that talks through the trunk, so it
/// is given back exactly once, when that leg ends, wherever an attended transfer or a Replaces moved the leg.
/// </summary>
public sealed class TrunkSlotsTests
{
    private readonly object _carrierLeg = new();
    private readonly object _phoneLeg = new();
    private TrunkState _carrier = null!;

    [SetUp]
    public void SetUp() => _carrier = new TrunkState(new TrunkSettings { Name = "carrier1", Host = "192.0.2.1", MaxCalls = 1 }, "contact");

    [Test]
    public void A_slot_is_given_back_when_its_leg_ends_and_only_once()
    {
        var slots = Hold(new TrunkSlots<object>(), _carrierLeg);

        slots.Release(_phoneLeg);
        Assert.That(_carrier.ActiveCalls, Is.EqualTo(1), "a phone's leg ending frees nothing");
        slots.Release(_carrierLeg);
        Assert.That(_carrier.ActiveCalls, Is.Zero);
        Assert.That(_carrier.TryAcquireCall(), Is.True, "the slot can be taken again");
        slots.Release(_carrierLeg);
        slots.ReleaseAll();
        Assert.That(_carrier.ActiveCalls, Is.EqualTo(1), "the leg's slot was given back once, not again at the call's release");
    }

    [Test]
    public void A_slot_handed_over_with_its_leg_stays_taken_until_the_leg_ends_in_the_call_that_took_it()
    {
        var transferred = Hold(new TrunkSlots<object>(), _carrierLeg);
        var taking = new TrunkSlots<object>();

        var trunk = transferred.HandOver(_carrierLeg);
        transferred.ReleaseAll(); // the transferred call ends as "transferred"
        Assert.That((trunk, _carrier.ActiveCalls), Is.EqualTo((_carrier, 1)), "not given back early: the carrier's call goes on");
        Assert.That(_carrier.TryAcquireCall(), Is.False, "max_calls still counts it");

        taking.Hold(_carrierLeg, trunk!);
        taking.Release(_carrierLeg);
        Assert.That(_carrier.ActiveCalls, Is.Zero, "given back when the leg ended in the call that took it over");
    }

    [Test]
    public void A_leg_that_holds_no_slot_hands_over_nothing()
    {
        var slots = Hold(new TrunkSlots<object>(), _carrierLeg);

        Assert.That(slots.HandOver(_phoneLeg), Is.Null);
        Assert.That(slots.Move(_phoneLeg, new object()), Is.False);
        Assert.That(slots.Count, Is.EqualTo(1));
    }

    [Test, Description("RFC 3891: the carrier replaces its own dialog; the new leg carries on the same trunk call")]
    public void A_replacing_leg_keeps_the_replaced_legs_slot_and_gives_it_back_when_it_ends()
    {
        var slots = Hold(new TrunkSlots<object>(), _carrierLeg);
        var replacing = new object();

        Assert.That(slots.Move(_carrierLeg, replacing), Is.True);
        slots.Release(_carrierLeg); // the replaced leg's BYE completes
        Assert.That(_carrier.ActiveCalls, Is.EqualTo(1), "the trunk call goes on in the replacing leg");
        Assert.That(slots.TrunkOf(replacing), Is.SameAs(_carrier));
        slots.ReleaseAll();
        Assert.That(_carrier.ActiveCalls, Is.Zero);
    }

    private TrunkSlots<object> Hold(TrunkSlots<object> slots, object leg)
    {
        Assert.That(_carrier.TryAcquireCall(), Is.True);
        slots.Hold(leg, _carrier);
        return slots;
    }
}
