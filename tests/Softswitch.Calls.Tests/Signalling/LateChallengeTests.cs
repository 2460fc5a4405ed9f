using Softswitch.Calls.Routing;
using Softswitch.Calls.Tests.Support;
using Softswitch.Sip.Messages;
using Softswitch.Sip.Transactions;

namespace Softswitch.Calls.Tests.Signalling;

/// <summary>
/// Issue 8, finding 11: under load a copy of the 407 challenge reached sipp after the 200 (the 407 retransmitted because
/// its ACK was dropped by a full socket buffer, or repeated for a late copy of the first INVITE). sipp keeps the To tag
/// of the last response it receives, so its BYE named the challenge's tag: 481, and the answered call never ended and
/// kept its ports. The challenge and the answer of one call now carry the same To tag.
/// </summary>
public sealed class LateChallengeTests : EchoCallFixture
{
    [Test, Description("RFC 3261 §17.2.1 Timer G; §12.2.2")]
    public async Task A_bye_naming_the_tag_of_a_challenge_retransmitted_after_the_200_ends_the_call()
    {
        var call = new SipCall(Switch, "1001", Echo);
        await call.InviteAsync(PhoneSdp.Create(Phone, 1), acknowledgeChallenge: false);
        var answer = await call.WaitForFinalAsync();
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        call.Ack();
        var sent = Switch.Sent().Count;

        Switch.Time.Advance(new TransactionTimerOptions().T1); // Timer G: the unacknowledged 407 goes out again
        var late = await LateChallengeAsync(sent);
        call.AdoptToTag(late.To.Tag!);

        await AssertByeEndsTheCallAsync(call);
    }

    [Test, Description("RFC 3261 §17.2.1 Timer I")]
    public async Task A_bye_naming_the_tag_of_the_challenge_to_a_late_copy_of_the_first_invite_ends_the_call()
    {
        var call = new SipCall(Switch, "1001", Echo);
        var answer = await call.CallAsync(PhoneSdp.Create(Phone, 1));
        Assert.That(answer.StatusCode, Is.EqualTo(200));
        call.Ack();
        Switch.Time.Advance(new TransactionTimerOptions().T4); // Timer I: the challenge's transaction is gone
        var sent = Switch.Sent().Count;

        Switch.Receive(call.FirstInvite); // a retransmission of the first INVITE, held up in a full receive queue
        var late = await LateChallengeAsync(sent);
        call.AdoptToTag(late.To.Tag!);

        await AssertByeEndsTheCallAsync(call);
    }

    private Task<SipResponse> LateChallengeAsync(int skip) =>
        Switch.WaitForAsync<SipResponse>(r => r.StatusCode == 407, "407 after the 200", skip);

    private async Task AssertByeEndsTheCallAsync(SipCall call)
    {
        var bye = await call.ByeAsync();
        Assert.That(bye.StatusCode, Is.EqualTo(200), "the BYE reaches the call's dialog");
        await Switch.WaitForPortsReleasedAsync();
        await Eventually.TrueAsync(() => Switch.CallRegistry.Count == 0, () => "the call is still in progress");
    }
}
