using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Trunks;

/// <summary>
/// A carrier at 127.0.0.5 (another machine on loopback): the switch keeps it alive with OPTIONS, and takes INVITEs
/// from it without credentials, while the same INVITE from anyone else is challenged.
/// </summary>
[TestFixture]
public sealed class TrunkInboundInteropTests
{
    private const string CarrierAddress = "127.0.0.5";

    [Test, Description("RFC 3261 §11: OPTIONS every options_interval_seconds")]
    public async Task The_switch_sends_options_to_the_carrier_every_interval()
    {
        await using var carrier = SippCarrier.Start("carrier-options.xml", calls: 3, TimeSpan.FromSeconds(20), CarrierAddress);
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrier.Port, optionsInterval: 1));

        var result = await carrier.Run;
        Assert.That(result.ExitCode, Is.EqualTo(0), result + "\n" + softswitch.Output);
        Assert.That(softswitch.Output, Does.Contain("Trunk carrier1: up"), "the state change is logged with the trunk's name");
    }

    [Test]
    public async Task An_invite_from_the_carrier_needs_no_credentials_while_one_from_elsewhere_is_challenged()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrierPort: 5060, optionsInterval: 0));
        using var carrier = new RawSipPhone(CarrierAddress, softswitch.Port);
        using var stranger = new RawSipPhone("127.0.0.1", softswitch.Port);

        await carrier.SendAsync(DidInvite(carrier, "6139001"));
        Assert.That(await FinalStatusAsync(carrier), Is.EqualTo(480),
            "the carrier's DID call is taken unchallenged and routed in its context to 1002, which has no phone registered");

        await carrier.SendAsync(DidInvite(carrier, "6139999"));
        Assert.That(await FinalStatusAsync(carrier), Is.EqualTo(404), "a number the trunk does not deliver");

        await stranger.SendAsync(DidInvite(stranger, "6139001"));
        Assert.That(await FinalStatusAsync(stranger), Is.EqualTo(407), "an unknown source dialling the DID is asked for credentials");
    }

    private static string Yaml(int carrierPort, int optionsInterval) => $"""
        trunks:
          - name: carrier1
            host: {CarrierAddress}
            port: {carrierPort}
            options_interval_seconds: {optionsInterval}
            dids: ["6139001"]
        routes:
          - match: "6139001"
            context: from-trunk
            extension: "1002"

        """;

    private static string DidInvite(RawSipPhone phone, string did)
    {
        var callId = Guid.NewGuid().ToString("N");
        return $"INVITE sip:{did}@127.0.0.1 SIP/2.0\r\n" +
               $"Via: SIP/2.0/UDP {phone.Local.Address}:{phone.Local.Port};branch=z9hG4bK{Guid.NewGuid():N};rport\r\n" +
               "Max-Forwards: 70\r\n" +
               $"From: <sip:0390001111@carrier.test>;tag={callId[..8]}\r\n" +
               $"To: <sip:{did}@127.0.0.1>\r\n" +
               $"Call-ID: {callId}\r\n" +
               "CSeq: 1 INVITE\r\n" +
               $"Contact: <sip:0390001111@{phone.Local.Address}:{phone.Local.Port}>\r\n" +
               "Content-Length: 0\r\n\r\n";
    }

    /// <summary>The first final status received (a 100 Trying may come first); 0 when none comes within 5 s.</summary>
    private static async Task<int> FinalStatusAsync(RawSipPhone phone)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (DateTime.UtcNow < deadline && await phone.ReceiveAsync(deadline - DateTime.UtcNow) is { } message)
        {
            var status = RawSipPhone.StatusOf(message);
            if (status >= 200) return status;
        }

        return 0;
    }
}
