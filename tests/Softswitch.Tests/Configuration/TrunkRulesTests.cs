using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

/// <summary>The <c>trunks</c> list and the <c>dns</c> section, each problem placed at its file, line and column.</summary>
public sealed class TrunkRulesTests
{
    private const string Trunk = """

        trunks:
          - name: carrier1
            host: sip.carrier.example
            username: "6139001"
            password: carrier-secret
            register: true
            dids: ["6139001", "+61390001235"]
            allow_from: ["203.0.113.0/24"]
        """;

    [Test]
    public void A_full_trunk_binds_with_its_defaults()
    {
        using var folder = new TempFolder();
        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Trunk);

        Assert.That(result.Problems, Is.Empty);
        var trunk = result.Options!.Trunks.Single();
        Assert.That((trunk.Name, trunk.Host, trunk.Port, trunk.Transport), Is.EqualTo(("carrier1", "sip.carrier.example", 0, "udp")));
        Assert.That((trunk.RegisterExpires, trunk.OptionsIntervalSeconds, trunk.MaxCalls, trunk.Context), Is.EqualTo((600, 30, 0, "from-trunk")));
        Assert.That(trunk.Dids, Is.EqualTo(new[] { "6139001", "+61390001235" }));
    }

    [TestCase("    host: ''", "softswitch.yaml:29:11: trunks[0].host: host is missing (the carrier's DNS name or IP address)")]
    [TestCase("    host: 'not a host'", "softswitch.yaml:29:11: trunks[0].host: 'not a host' is not a DNS name or IP address")]
    [TestCase("    password: ''", "softswitch.yaml:31:15: trunks[0].password: a trunk that registers needs a password")]
    [TestCase("    dids: [\"61a\"]", "softswitch.yaml:33:12: trunks[0].dids[0]: '61a' is not a number (digits, optional leading +)")]
    [TestCase("    allow_from: [\"203.0.113.0/33\"]", "softswitch.yaml:34:18: trunks[0].allow_from[0]: '203.0.113.0/33' is not a network (CIDR such as 203.0.113.0/24, or one address)")]
    public void A_bad_value_is_reported_at_its_place(string replacement, string expected)
    {
        using var folder = new TempFolder();
        var yaml = ReplaceLineStarting(ConfigFixture.Valid + Trunk, replacement);

        var result = ConfigFixture.Validate(folder, yaml);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { expected }));
    }

    [TestCase("\n    transport: sctp", "trunks[0].transport: 'sctp' is not a trunk transport (udp or tcp)")]
    [TestCase("\n    register_expires: 10", "trunks[0].register_expires: 10 is outside 60-86400 seconds")]
    [TestCase("\n    outbound_proxy: 'proxy.example:99999'", "trunks[0].outbound_proxy: 'proxy.example:99999' is not host[:port]")]
    [TestCase("\n    options_interval_seconds: -1", "trunks[0].options_interval_seconds: -1 is outside 0-3600 (0 = off)")]
    [TestCase("\n    max_calls: -2", "trunks[0].max_calls: -2 is negative (0 = unlimited)")]
    [TestCase("\n  - name: CARRIER1\n    host: 192.0.2.1", "trunks[1].name: trunk 'CARRIER1' is defined twice")]
    [TestCase("\n  - name: carrier2\n    host: 192.0.2.1\n    dids: [\"6139001\"]", "trunks[1].dids[0]: DID 6139001 is delivered by trunk 'carrier1' already")]
    [TestCase("\ndns:\n  servers: [\"127.0.0.1:5353\", \"resolver\"]", "dns.servers[1]: 'resolver' is not address or address:port")]
    public void Appended_trunk_keys_are_checked(string appended, string expected)
    {
        using var folder = new TempFolder();
        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + Trunk + appended);

        Assert.That(result.Problems.Select(p => p.ToString().Split(": ", 2)[1]), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void An_ip_trunk_with_no_number_to_present_is_a_warning_not_an_error()
    {
        using var folder = new TempFolder();
        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + "\ntrunks:\n  - name: ip-carrier\n    host: 192.0.2.1\n");

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Warnings.Select(w => w.ToString().Split(": ", 2)[1]), Is.EqualTo(new[]
        {
            "trunks[0].caller_id: no caller_id nor username: calls from extensions without a caller_id of their own present 'anonymous' to the carrier",
        }));
    }

    private static string ReplaceLineStarting(string yaml, string replacement)
    {
        var key = replacement.TrimStart().Split(':')[0] + ":";
        var lines = yaml.Split('\n');
        var index = Array.FindLastIndex(lines, l => l.TrimStart().StartsWith(key, StringComparison.Ordinal));
        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
