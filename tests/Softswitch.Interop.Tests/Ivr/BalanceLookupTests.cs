using System.Text.Json;
using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// The demo IVR's account balance (option 3) against a test HTTP server on loopback: a sipp caller picks English, 3,
/// types an account number and #; the flow looks the account up and says the balance, and the call's row keeps what
/// the caller heard in order.
/// </summary>
[TestFixture]
public sealed class BalanceLookupTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(40);

    private SoftswitchProcess _softswitch = null!;
    private LoopbackHttpServer _backend = null!;
    private string _flows = null!;

    [SetUp]
    public async Task StartSwitchAndBackend()
    {
        _backend = LoopbackHttpServer.Start("""{"balance": "27.35", "currency": "MYR"}""");
        _flows = DemoFlowFolder.CopyOpenAllWeek();
        var main = Path.Combine(_flows, "main.yaml");
        var yaml = File.ReadAllText(main);
        Assert.That(yaml, Does.Contain("balance_url: http://127.0.0.1:8089/balance"), "the demo's lookup address is a flow variable");
        File.WriteAllText(main, yaml.Replace("balance_url: http://127.0.0.1:8089/balance", $"balance_url: {_backend.Url}balance"));
        _softswitch = await SoftswitchProcess.StartAsync("""
            routes:
              - match: "500"
                flow: main
            """, $"--ivr:flows={_flows}");
    }

    [TearDown]
    public async Task StopSwitchAndBackend()
    {
        await _softswitch.DisposeAsync();
        _backend.Dispose();
        Directory.Delete(_flows, recursive: true);
    }

    [Test, Description("RFC 4733 keys 2 (English), 3 (balance), 123456# typed ahead: one GET with the account; the balance is said digit group by digit group, in order")]
    public async Task The_balance_is_looked_up_with_the_account_number_and_said_in_order()
    {
        var caller = await SippCaller.CallAsync(_softswitch, Scenarios.Written("ivr-caller-rfc4733.xml",
            ("KEYS_MS", "1500"), ("KEYS", "23123456#"), ("STAY_MS", "9000")), "1001", "500", Limit, null, ["-m", "1"]);

        Assert.That(caller.ExitCode, Is.Zero, Log(caller));
        Assert.That(_backend.Requests, Is.EqualTo(new[] { "GET /balance?account=123456" }), Log(caller));
        var row = (await CallTable.WaitForAsync(_softswitch)).Single();
        Assert.That(row["application_fields"], Is.Not.Null, "the flow's fields are in the row");
        var fields = JsonSerializer.Deserialize<Dictionary<string, string>>(row["application_fields"]!)!;
        var said = JsonSerializer.Deserialize<string[]>(fields["ivr_said"])!;
        Assert.Multiple(() =>
        {
            Assert.That(fields["ivr_path"], Does.Contain("account:123456#,lookup,balance-is,say-balance:27.35"), Log(caller));
            Assert.That(fields["ivr_variables"], Does.Contain("\"balance\":\"27.35\""));
            Assert.That(said.SkipWhile(p => p != "balance-is@en").Skip(1).TakeWhile(p => p != "main-menu@en"), Is.EqualTo(new[]
            {
                "numbers/20@en", "numbers/7@en", "money/ringgit@en", "numbers/and@en", "numbers/30@en", "numbers/5@en", "money/sen@en",
            }), "what was said after 'your balance is': " + fields["ivr_said"]);
        });
    }

    private string Log(params ToolResult[] runs) => string.Join("\n", runs.Select(run => run.ToString())) + "\n" + _softswitch.Output;
}
