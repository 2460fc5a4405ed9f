using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Hardening;

/// <summary>
/// Issue 8 finding 9: a challenge to a request without credentials used to be retransmitted by its server transaction
/// (4-6 times the bytes of the INVITE, to whatever address the INVITE claimed): a reflection tool. Now it goes out once,
/// statelessly, with no 100 Trying before it; the caller's own retransmission gets a challenge again.
/// </summary>
[TestFixture, NonParallelizable]
public sealed class AmplificationTests
{
    [Test, Description("as Kamailio's sl_send_reply: challenges to unauthenticated requests are stateless")]
    public async Task One_unauthenticated_invite_gets_exactly_one_407_and_fewer_bytes_than_it_sent_times_one_and_a_half()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        using var reflector = new RawSipPhone("127.0.0.2", softswitch.Port);

        await reflector.SendAsync(reflector.Invite(Guid.NewGuid().ToString("N"))); // never ACKed, as with a spoofed source
        var received = await reflector.ReceiveForAsync(TimeSpan.FromSeconds(10));
        var ratio = (double)reflector.BytesReceived / reflector.BytesSent;

        Assert.Multiple(() =>
        {
            Assert.That(received.Count(m => m.StartsWith("SIP/2.0 407 ", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", received));
            Assert.That(received, Has.Count.EqualTo(1), "no 100 Trying either");
            Assert.That(ratio, Is.LessThan(1.5), $"{reflector.BytesReceived} bytes out for {reflector.BytesSent} in");
        });
        TestContext.Out.WriteLine($"amplification: {reflector.BytesSent} bytes in, {reflector.BytesReceived} out, ratio {ratio:F2}");
        await GoodPhone.AssertServedAsync(softswitch, "after the unauthenticated INVITE");
    }

    [Test, Description("RFC 3261 §17.1.1.2: the caller's retransmission is answered again")]
    public async Task A_retransmitted_unauthenticated_invite_is_challenged_again()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(GoodPhone.EchoRouteYaml);
        using var caller = new RawSipPhone("127.0.0.2", softswitch.Port);
        var invite = caller.Invite(Guid.NewGuid().ToString("N"));

        await caller.SendAsync(invite);
        var first = await caller.ReceiveForAsync(TimeSpan.FromMilliseconds(500));
        await caller.SendAsync(invite);
        var second = await caller.ReceiveForAsync(TimeSpan.FromSeconds(2));

        Assert.That(first.Select(RawSipPhone.StatusOf), Is.EqualTo(new[] { 407 }));
        Assert.That(second.Select(RawSipPhone.StatusOf), Is.EqualTo(new[] { 407 }));
        Assert.That(second[0], Does.Contain("Proxy-Authenticate: Digest"));
    }
}
