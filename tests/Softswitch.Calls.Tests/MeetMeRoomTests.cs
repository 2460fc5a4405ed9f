using System.Runtime.CompilerServices;
using Softswitch.Calls.Features;
using Softswitch.Calls.Bridging;
using Softswitch.Channels;

namespace Softswitch.Calls.Tests;

public sealed class MeetMeRoomTests
{
    // The room only compares and hands back calls; it never touches them, so uninitialised instances will do.
    private static ICallChannel NewCall() => (ICallChannel)RuntimeHelpers.GetUninitializedObject(typeof(CallChannel));

    [Test]
    public async Task The_second_caller_is_paired_with_the_first_and_the_room_fills()
    {
        var room = new MeetMeRoom();
        var first = NewCall();
        var second = NewCall();

        var firstPartner = room.Join(first, out var firstIsFirst);
        Assert.That(firstIsFirst, Is.True);
        Assert.That(firstPartner!.IsCompleted, Is.False, "alone in the room");
        Assert.That(room.IsFull, Is.False);

        var secondPartner = room.Join(second, out var secondIsFirst);
        Assert.That(secondIsFirst, Is.False);
        Assert.That(await secondPartner!, Is.SameAs(first));
        Assert.That(await firstPartner, Is.SameAs(second));
        Assert.That(room.IsFull, Is.True);
        Assert.That(room.Join(NewCall(), out _), Is.Null, "a third caller is refused");
    }

    [Test]
    public void A_caller_who_gives_up_waiting_leaves_the_room_empty()
    {
        var room = new MeetMeRoom();
        var first = NewCall();
        room.Join(first, out _);

        room.LeaveWaiting(first);
        var next = room.Join(NewCall(), out var isFirst);

        Assert.That(isFirst, Is.True, "the next caller waits rather than pairing with someone who left");
        Assert.That(next!.IsCompleted, Is.False);
    }

    [Test]
    public void The_room_is_free_again_when_the_bridge_ends()
    {
        var room = new MeetMeRoom();
        room.Join(NewCall(), out _);
        room.Join(NewCall(), out _);

        room.EndBridge();

        Assert.That(room.IsFull, Is.False);
        room.Join(NewCall(), out var isFirst);
        Assert.That(isFirst, Is.True);
    }
}
