using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Calls through carriers on the real switch: sipp carriers on 127.0.0.5 and 127.0.0.6 (other machines on loopback)
/// take outbound calls with the rewritten number and our caller ID, fail over, deliver a DID call; the toll-fraud guard
/// refuses what an extension or a carrier may not reach. Each call's row is checked in the calls table.
/// </summary>
[TestFixture]
public sealed class TrunkCallTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    private static string Yaml(int port1, int port2 = 5060, string extraRoute = "") => $"""
        trunks:
          - name: carrier1
            host: 127.0.0.5
            port: {port1}
            caller_id: "+60311112222"
            options_interval_seconds: 0
            dids: ["6139001", "6139002"]
          - name: carrier2
            host: 127.0.0.6
            port: {port2}
            caller_id: "+60333334444"
            options_interval_seconds: 0
        routes:
          - match: "0XXXXXXXXX"
            trunk: carrier1
            failover: [carrier2]
            strip: 1
            prefix: "+60"
          - match: "00*"
            trunk: carrier1
            requires: international
          - match: "6139001"
            context: from-trunk
            extension: "1002"
          - match: "6139002"
            context: from-trunk
            trunk: carrier2
        {extraRoute}
        """;

    private static Task<ToolResult> Dial(SoftswitchProcess softswitch, string number) =>
        SippCaller.CallAsync(softswitch, "call-pause-bye.xml", "1001", number, Limit, null, "-m", "1", "-d", "1000");

    private static Task<ToolResult> DialExpecting(SoftswitchProcess softswitch, string number, int status) =>
        SippCaller.CallAsync(softswitch, Scenarios.Written("caller-refused.xml", ("EXPECTED", status.ToString())), "1001", number, Limit, null, "-m", "1");

    [Test, Description("strip 1, prefix +60; caller ID in From and P-Asserted-Identity (RFC 3325)")]
    public async Task An_extension_calls_out_through_the_carrier_with_the_rewritten_number_and_our_caller_id()
    {
        await using var carrier = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, Limit, "127.0.0.5");
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrier.Port));

        var caller = await Dial(softswitch, "0312345678");
        var answered = await carrier.Run;

        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That(answered.ExitCode, Is.Zero, $"the carrier answered and got the BYE\n{answered}\n{softswitch.Output}");
        Assert.That(carrier.CountInTrace("INVITE sip:+60312345678@127.0.0.5"), Is.EqualTo(1), "the number the carrier was sent");
        Assert.That(carrier.CountInTrace("P-Asserted-Identity: \"Interop One\" <sip:+60311112222@"), Is.GreaterThanOrEqualTo(1), "our caller ID");
        Assert.That(carrier.CountInTrace("From: \"Interop One\" <sip:+60311112222@"), Is.GreaterThanOrEqualTo(1), "caller ID in From");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["route_target"], row["callee"], row["hangup_cause"], row["caller"]), Is.EqualTo(("trunk", "carrier1", "normal", "1001")));
    }

    [Test, Description("RFC 3325: an extension's own caller_id, not the trunk's, in From and P-Asserted-Identity")]
    public async Task An_extension_with_its_own_caller_id_presents_it_on_trunk_calls_instead_of_the_trunks()
    {
        await using var carrier = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, Limit, "127.0.0.5");
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrier.Port), "--extensions:0:caller_id=+60312345601");

        var caller = await Dial(softswitch, "0312345678");
        var answered = await carrier.Run;

        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That(answered.ExitCode, Is.Zero, $"{answered}\n{softswitch.Output}");
        Assert.That(carrier.CountInTrace("P-Asserted-Identity: \"Interop One\" <sip:+60312345601@"), Is.GreaterThanOrEqualTo(1), "1001's own number");
        Assert.That(carrier.CountInTrace("From: \"Interop One\" <sip:+60312345601@"), Is.GreaterThanOrEqualTo(1), "in From too");
        Assert.That(carrier.CountInTrace("+60311112222"), Is.Zero, "the trunk's caller_id is not presented");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["caller"], row["callee"], row["dialled"], row["hangup_cause"], row["hangup_side"]),
            Is.EqualTo(("1001", "carrier1", "0312345678", "normal", "caller")), "the record keeps the extension as the caller");
    }

    [Test, Description("RFC 3264 §5 / RFC 3261 §13.2.1: a late offer: our offer in the 200, the caller's answer in the ACK, across the B2BUA")]
    public async Task A_late_offer_caller_reaches_the_carrier_and_its_answer_in_the_ack_sets_up_the_media()
    {
        Assert.That(Environment.UserName, Is.EqualTo("root"), "sipp's play_pcap_audio needs raw sockets (CI runs as root)");
        await using var carrier = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, Limit, "127.0.0.5");
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrier.Port));

        var caller = await SippCaller.CallAsync(softswitch, "echo-late-offer.xml", "1001", "0312345678", Limit, null, "-m", "1");
        var answered = await carrier.Run;

        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That(answered.ExitCode, Is.Zero, $"the carrier answered our offer and got the BYE\n{answered}\n{softswitch.Output}");
        Assert.That(carrier.CountInTrace("INVITE sip:+60312345678@127.0.0.5"), Is.EqualTo(1));
        Assert.That(carrier.CountInTrace("m=audio "), Is.GreaterThanOrEqualTo(2), "the carrier's INVITE carried our offer (and its 200 the answer)");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.Multiple(() =>
        {
            Assert.That((row["route_target"], row["callee"], row["hangup_cause"], row["hangup_side"]), Is.EqualTo(("trunk", "carrier1", "normal", "caller")));
            Assert.That((row["caller_codec"], row["callee_codec"]), Is.EqualTo(("PCMA", "PCMU")), "the caller's codec came in its ACK");
            Assert.That(long.Parse(row["caller_packets_received"]!), Is.GreaterThan(50), "the caller's audio flowed to the answer it sent in the ACK");
        });
    }

    [Test, Description("A carrier is never rate limited nor banned by the source guard: its customers' calls must not be dropped")]
    public async Task A_carrier_sending_faster_than_the_per_address_limit_is_still_served()
    {
        const int calls = 20;
        await using var softswitch = await SoftswitchProcess.StartAsync($"""
            trunks:
              - name: carrier1
                host: 127.0.0.5
                port: 5060
                options_interval_seconds: 0
                dids: ["6139005"]
            routes:
              - match: "6139005"
                context: from-trunk
                echo: true
            """, "--security:max_requests_per_second_per_address=5");

        // 20 calls a second, 3 requests each (INVITE, ACK, BYE): twelve times what one address may send.
        var call = await Tool.RunAsync("sipp",
        [
            "-sf", Sipp.Scenario("carrier-call.xml"), "-i", "127.0.0.5", "-mi", "127.0.0.5", "-p", FreePort.ForUdp().ToString(),
            "-mp", FreePort.ForUdp().ToString(), "-s", "6139005", "-d", "200", "-r", calls.ToString(), "-m", calls.ToString(), "-nostdin",
            "-timeout", "20s", "-timeout_error", $"127.0.0.1:{softswitch.Port}",
        ], Limit, Directory.CreateTempSubdirectory("sipp-").FullName);

        Assert.That(call.ExitCode, Is.Zero, $"every call of the carrier answered and ended\n{call}\n{softswitch.Output}");
        var rows = await CallTable.WaitForAsync(softswitch, calls);
        Assert.That(rows.Select(row => (row["caller"], row["dialled"], row["route_target"], row["hangup_cause"], row["answered_at"] is null)),
            Is.EqualTo(Enumerable.Repeat(("0390001111", "6139005", "echo", "normal", false), calls)), softswitch.Output);
    }

    [Test, Description("RFC 3263 §4.3: a 503 from the first carrier; the second takes the call")]
    public async Task A_503_from_the_first_carrier_fails_over_to_the_second()
    {
        await using var first = SippCarrier.Start(Scenarios.Written("callee-refuse.xml", ("STATUS", "503")), calls: 1, Limit, "127.0.0.5");
        await using var second = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, Limit, "127.0.0.6");
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(first.Port, second.Port));

        var caller = await Dial(softswitch, "0312345678");
        var (refused, answered) = (await first.Run, await second.Run);

        var log = $"{caller}\nfirst: {refused}\nsecond: {answered}\n{softswitch.Output}";
        Assert.That(caller.ExitCode, Is.Zero, log);
        Assert.That(refused.ExitCode, Is.Zero, "the first carrier was tried first\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "the second carrier answered\n" + log);
        Assert.That(second.CountInTrace("P-Asserted-Identity: \"Interop One\" <sip:+60333334444@"), Is.GreaterThanOrEqualTo(1), "the second trunk's caller ID");
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That(row["callee"], Is.EqualTo("carrier2"));
    }

    [Test, Description("Toll-fraud guard: permission internal means no trunk route at all")]
    public async Task An_internal_only_extension_cannot_reach_the_trunk()
    {
        await using var carrier = SippCarrier.Start(Scenarios.Written("callee-answer.xml", ("ANSWER_MS", "300")), calls: 1, TimeSpan.FromSeconds(3), "127.0.0.5");
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(carrier.Port), "--extensions:0:permission=internal");

        var caller = await DialExpecting(softswitch, "0312345678", 403);

        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
        Assert.That((await carrier.Run).ExitCode, Is.Not.Zero, "the carrier never got an INVITE (its sipp timed out)");
        Assert.That(carrier.CountInTrace("INVITE sip:"), Is.Zero);
    }

    [Test, Description("A national extension dialling a route that requires international: 403")]
    public async Task An_international_route_needs_the_international_permission()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(5060));
        var caller = await DialExpecting(softswitch, "006512345678", 403);
        Assert.That(caller.ExitCode, Is.Zero, $"{caller}\n{softswitch.Output}");
    }

    [Test, Description("The carrier's INVITE is routed by DID in the trunk's context: 1002 rings and answers")]
    public async Task A_did_call_from_the_carrier_rings_the_extension_its_route_names()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(5060));
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));

        var call = await Tool.RunAsync("sipp",
        [
            "-sf", Sipp.Scenario("carrier-call.xml"), "-i", "127.0.0.5", "-mi", "127.0.0.5", "-p", FreePort.ForUdp().ToString(),
            "-s", "6139001", "-d", "1000", "-m", "1", "-nostdin", "-timeout", "20s", "-timeout_error", $"127.0.0.1:{softswitch.Port}",
        ], Limit, Directory.CreateTempSubdirectory("sipp-").FullName);

        Assert.That(call.ExitCode, Is.Zero, $"{call}\n{softswitch.Output}");
        Assert.That((await callee.Run).ExitCode, Is.Zero, softswitch.Output);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["source_kind"], row["source"], row["caller"], row["callee"]), Is.EqualTo(("trunk", "carrier1", "0390001111", "1002")));
    }

    [Test, Description("Toll-fraud guard: a carrier's call may not go out on a trunk unless the route says allow_from_trunks")]
    public async Task A_did_routed_to_a_trunk_is_refused_without_allow_from_trunks()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync(Yaml(5060));
        var call = await Tool.RunAsync("sipp",
        [
            "-sf", Scenarios.Written("carrier-call-refused.xml", ("EXPECTED", "403")), "-i", "127.0.0.5", "-mi", "127.0.0.5",
            "-p", FreePort.ForUdp().ToString(), "-s", "6139002", "-m", "1", "-nostdin", "-timeout", "10s", "-timeout_error",
            $"127.0.0.1:{softswitch.Port}",
        ], Limit, Directory.CreateTempSubdirectory("sipp-").FullName);

        Assert.That(call.ExitCode, Is.Zero, $"the carrier's call got 403\n{call}\n{softswitch.Output}");
    }
}
