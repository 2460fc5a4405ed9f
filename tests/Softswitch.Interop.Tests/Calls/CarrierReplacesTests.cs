using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Calls;

/// <summary>
/// Issue 9, transfer on the carrier's side (RFC 3891): a sipp carrier on 127.0.0.5 delivers a DID call that rings and is
/// answered by 1002 (sipp), then moves the call inside its own network with a new INVITE carrying Replaces. The switch
/// must put the new dialog in the old one's place, not route it to the DID as a second call.
/// </summary>
[TestFixture]
public sealed class CarrierReplacesTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(20);

    [Test, Description("RFC 3891 §3: the INVITE with Replaces takes over the carrier's own dialog; the replaced dialog gets BYE")]
    public async Task A_carriers_invite_with_replaces_takes_over_its_own_dialog_and_the_extension_talks_on_without_a_second_call()
    {
        await using var softswitch = await SoftswitchProcess.StartAsync("""
            trunks:
              - name: carrier1
                host: 127.0.0.5
                options_interval_seconds: 0
                dids: ["6139001"]
            routes:
              - match: "6139001"
                context: from-trunk
                extension: "1002"
            """);
        // callee-answer.xml takes exactly one INVITE and one BYE: a second call (or a re-INVITE) would fail it.
        var callee = await SippCallee.StartAsync(softswitch, "1002", SoftswitchProcess.Password1002, "callee-answer.xml", Limit, ("ANSWER_MS", "300"));

        var carrier = await Tool.RunAsync("sipp",
        [
            "-sf", Sipp.Scenario("carrier-call-replaced.xml"), "-i", "127.0.0.5", "-mi", "127.0.0.5", "-p", FreePort.ForUdp().ToString(),
            "-s", "6139001", "-d", "1000", "-m", "1", "-nostdin", "-timeout", "15s", "-timeout_error", $"127.0.0.1:{softswitch.Port}",
        ], Limit, Directory.CreateTempSubdirectory("sipp-").FullName);
        var answered = await callee.Run;

        var log = $"carrier: {carrier}\n1002: {answered}\n{softswitch.Output}";
        Assert.That(carrier.ExitCode, Is.Zero, "200 for the replacing INVITE, BYE in the replaced dialog, the new dialog's BYE answered\n" + log);
        Assert.That(answered.ExitCode, Is.Zero, "1002 rang once and got one BYE, when the carrier hung up the new dialog\n" + log);
        var row = (await CallTable.WaitForAsync(softswitch)).Single();
        Assert.That((row["source_kind"], row["source"], row["caller"], row["callee"], row["hangup_cause"], row["hangup_side"]),
            Is.EqualTo(("trunk", "carrier1", "0390001111", "1002", "normal", "caller")), log);
    }
}
