using System.Net;
using Softswitch.Sip.Transport;
using static Softswitch.Sip.Tests.Transport.SipSamples;

namespace Softswitch.Sip.Tests.Transport;

/// <summary>What keeps one address from taking the TCP service away: the per-address cap, the message timeout, and an idle clock only whole messages reset.</summary>
public class TcpSipTransportLimitsTests : TcpTransportFixture
{
    private static readonly IPAddress OtherMachine = IPAddress.Parse("127.0.0.2");
    private static readonly TimeSpan MessageTimeout = new SipTransportOptions().TcpMessageTimeout;
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

    [Test]
    public async Task Connections_from_one_address_beyond_its_limit_are_closed_at_once_while_other_addresses_connect()
    {
        await RestartAsync(options => options.MaxTcpConnectionsPerAddress = 2);
        var first = await ConnectAsync(OtherMachine);
        var second = await ConnectAsync(OtherMachine);
        var third = await ConnectAsync(OtherMachine);

        Assert.That(await third.WaitForCloseAsync(), Is.True, "the third connection from 127.0.0.2 is closed");
        await first.SendAsync(Options);
        await second.SendAsync(Invite());
        var sources = new[] { (await Sink.NextMessageAsync()).Source.Address, (await Sink.NextMessageAsync()).Source.Address };
        Assert.That(sources, Is.EquivalentTo(new[] { first.LocalEndPoint, second.LocalEndPoint }), "the first two are served");

        var good = await ConnectAsync();
        await good.SendAsync(Options);
        Assert.That((await Sink.NextMessageAsync()).Source.Address, Is.EqualTo(good.LocalEndPoint), "127.0.0.1 still connects");
        Assert.That(Transport.ConnectionCount, Is.EqualTo(3));
    }

    [Test]
    public async Task Closed_connection_gives_its_place_back_to_its_address()
    {
        await RestartAsync(options => options.MaxTcpConnectionsPerAddress = 1);
        var first = await ConnectAsync(OtherMachine);
        await first.SendAsync(Options);
        await Sink.NextMessageAsync();

        first.Dispose();
        await WaitUntilAsync(() => Transport.ConnectionCount == 0);
        var second = await ConnectAsync(OtherMachine);
        await second.SendAsync(Options);

        Assert.That((await Sink.NextMessageAsync()).Source.Address, Is.EqualTo(second.LocalEndPoint));
    }

    [Test]
    public async Task Message_not_complete_within_the_message_timeout_closes_the_connection()
    {
        var client = await ConnectAsync();
        await StartMessageAsync(client, "OPTIONS sip:127.0.0.1 SIP/2.0\r\n");

        Time.Advance(MessageTimeout - TimeSpan.FromSeconds(1));
        Assert.That(client.StaysOpenFor(Moment), Is.True, "open until the message timeout");
        await client.SendAsync("V");
        await Task.Delay(Moment);
        Time.Advance(TimeSpan.FromSeconds(1));

        Assert.That(await client.WaitForCloseAsync(), Is.True, "one more byte bought no time");
        Assert.That(Sink.HasPendingMessage, Is.False);
    }

    [Test]
    public async Task Message_completed_in_time_is_delivered_and_the_next_one_gets_its_own_time()
    {
        var client = await ConnectAsync();
        await StartMessageAsync(client, Options[..20]);
        Time.Advance(MessageTimeout - TimeSpan.FromSeconds(1));

        await StartMessageAsync(client, Invite()[..20], before: Options[20..]);
        Assert.That((await Sink.NextMessageAsync()).Text, Is.EqualTo(Options));
        Time.Advance(MessageTimeout - TimeSpan.FromSeconds(1));
        Assert.That(client.StaysOpenFor(Moment), Is.True, "the INVITE's clock started when the INVITE began");

        Time.Advance(TimeSpan.FromSeconds(1));
        Assert.That(await client.WaitForCloseAsync(), Is.True);
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public async Task Pings_on_a_connection_without_a_registration_are_answered_but_do_not_postpone_the_idle_timeout()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Options);
        await Sink.NextMessageAsync();

        Time.Advance(IdleTimeout - TimeSpan.FromMinutes(1));
        await client.SendAsync("\r\n\r\n");
        Assert.That(await client.ReadExactlyAsync(2), Is.EqualTo("\r\n"), "the ping is answered");
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.That(await client.WaitForCloseAsync(), Is.True);
    }

    [Test]
    [Description("RFC 5626 §4.4.1")]
    public async Task Pings_on_a_connection_that_carries_a_registration_postpone_the_idle_timeout()
    {
        var client = await ConnectAsync();
        await client.SendAsync(Options);
        Assert.That(Transport.MarkRegistrationFlow((await Sink.NextMessageAsync()).Source.Address), Is.True);

        Time.Advance(IdleTimeout - TimeSpan.FromMinutes(1));
        await client.SendAsync("\r\n\r\n");
        await client.ReadExactlyAsync(2);
        Time.Advance(TimeSpan.FromMinutes(2));
        Assert.That(client.StaysOpenFor(Moment), Is.True, "the ping reset the idle clock");

        Time.Advance(IdleTimeout);
        Assert.That(await client.WaitForCloseAsync(), Is.True);
    }

    [Test]
    public void Marking_a_connection_that_is_not_open_is_refused()
    {
        Assert.That(Transport.MarkRegistrationFlow(new IPEndPoint(IPAddress.Loopback, 9)), Is.False);
    }

    /// <summary>
    /// Sends a ping and then <paramref name="partial"/> in one write and waits for the pong: the pong goes out only
    /// after the transport has framed the whole read, so the message has started on the transport's clock.
    /// </summary>
    private static async Task StartMessageAsync(TcpTestClient client, string partial, string before = "")
    {
        await client.SendAsync(before + "\r\n\r\n" + partial);
        Assert.That(await client.ReadExactlyAsync(2), Is.EqualTo("\r\n"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        using var patience = new CancellationTokenSource(RecordingSink.Patience);
        while (!condition())
        {
            await Task.Delay(10, patience.Token);
        }
    }
}
