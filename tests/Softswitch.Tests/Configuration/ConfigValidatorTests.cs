using Softswitch.Tests.Support;

namespace Softswitch.Tests.Configuration;

public sealed class ConfigValidatorTests
{
    [Test]
    public void Valid_configuration_has_no_problems_and_binds()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Warnings, Is.Empty);
        Assert.That(result.IsValid, Is.True);
        var options = result.Options!;
        Assert.That(options.Sip.Port, Is.EqualTo(5060));
        Assert.That(options.Sip.EffectiveTransports, Is.EqualTo(new[] { "udp", "tcp" }));
        Assert.That(options.Sip.T2Ms, Is.EqualTo(4000));
        Assert.That(options.Registrar.DefaultExpires, Is.EqualTo(3600));
        Assert.That(options.Rtp.PortMin, Is.EqualTo(10000));
        Assert.That(options.Extensions.Select(e => (e.Number, e.Name, e.Password)),
            Is.EqualTo(new[] { ("1001", (string?)"Alice", "s3cret-one"), ("1002", (string?)null, "s3cret-two") }));
        Assert.That(options.Routes.Single().Echo, Is.True);
        Assert.That(options.Storage.Database, Is.EqualTo("data/softswitch.db"), "defaults fill missing sections");
    }

    [TestCase(3, "  port: 70000", "softswitch.yaml:3:9: sip.port: 70000 is not a port (1-65535)")]
    [TestCase(3, "  port: 0", "softswitch.yaml:3:9: sip.port: 0 is not a port (1-65535)")]
    [TestCase(3, "  prot: 5060", "softswitch.yaml:3:3: sip.prot: unknown key in sip (did you mean 'port'?)")]
    [TestCase(3, "  port: fifty", "softswitch.yaml:3:9: sip.port: 'fifty' is not a whole number")]
    [TestCase(4, "  transports: [udp, sctp]", "softswitch.yaml:4:21: sip.transports[1]: 'sctp' is not a supported transport (udp, tcp)")]
    [TestCase(4, "  transports: [udp, UDP]", "softswitch.yaml:4:21: sip.transports[1]: 'UDP' is listed twice")]
    [TestCase(5, "  domain: ''", "softswitch.yaml:5:11: sip.domain: must not be empty")]
    [TestCase(5, "  public_address: 'not a host!'", "softswitch.yaml:5:19: sip.public_address: 'not a host!' is not an IP address or host name")]
    [TestCase(6, "  t1_ms: 0", "softswitch.yaml:6:10: sip.t1_ms: 0 is too small (at least 1)")]
    [TestCase(7, "  t2_ms: 400", "softswitch.yaml:7:10: sip.t2_ms: t2_ms (400) must be greater than t1_ms (500) (RFC 3261 §17.1.2.2)")]
    [TestCase(7, "  tcp_message_timeout_seconds: 0", "softswitch.yaml:7:32: sip.tcp_message_timeout_seconds: 0 is too small (at least 1)")]
    [TestCase(7, "  tcp_max_connections_per_address: 2000", "softswitch.yaml:7:36: sip.tcp_max_connections_per_address: tcp_max_connections_per_address (2000) is above tcp_max_connections (1024)")]
    [TestCase(10, "  max_expires: 30", "softswitch.yaml:10:16: registrar.max_expires: max_expires (30) is below min_expires (60)")]
    [TestCase(10, "  nat_keepalive_seconds: -1", "softswitch.yaml:10:26: registrar.nat_keepalive_seconds: -1 is too small (at least 0)")]
    [TestCase(10, "  subscription_min_expires: 0", "softswitch.yaml:10:29: registrar.subscription_min_expires: 0 is too small (at least 1)")]
    [TestCase(10, "  subscription_max_expires: 30", "softswitch.yaml:10:29: registrar.subscription_max_expires: subscription_max_expires (30) is below subscription_min_expires (60)")]
    [TestCase(11, "  default_expires: 9000", "softswitch.yaml:11:20: registrar.default_expires: default_expires (9000) must lie between min_expires (60) and max_expires (7200)")]
    [TestCase(13, "  port_min: 10001", "softswitch.yaml:13:13: rtp.port_min: 10001 must be even: RTP takes even ports and RTCP the odd one above (RFC 3550 §11)")]
    [TestCase(14, "  port_max: 10000", "softswitch.yaml:14:13: rtp.port_max: port_max (10000) must be greater than port_min (10000)")]
    [TestCase(16, "  listen: localhost", "softswitch.yaml:16:11: http.listen: 'localhost' is not an IP address (0.0.0.0 listens on every IPv4 interface, :: on every IPv6 one)")]
    [TestCase(17, "  port: 65536", "softswitch.yaml:17:9: http.port: 65536 is not a port (1-65535)")]
    [TestCase(19, "  - number: \"10a1\"", "softswitch.yaml:19:13: extensions[0].number: '10a1' must be digits only (it is dialled from a keypad)")]
    [TestCase(19, "  - number: \"\"", "softswitch.yaml:19:13: extensions[0].number: number is missing")]
    [TestCase(22, "  - number: \"1001\"", "softswitch.yaml:22:13: extensions[1].number: 1001 is already used by extensions[0]")]
    [TestCase(23, "    password: \"\"", "softswitch.yaml:23:15: extensions[1].password: extension 1002 has no password")]
    [TestCase(23, "    name: Bob", "softswitch.yaml:22:5: extensions[1].password: extension 1002 has no password")]
    [TestCase(25, "  - match: \"6a0\"", "softswitch.yaml:25:12: routes[0].match: '6a0' is not a number or pattern (digits, +, #, * for feature codes, X for any digit, a final * for the rest)")]
    [TestCase(26, "    echo: perhaps", "softswitch.yaml:26:11: routes[0].echo: 'perhaps' is not true or false")]
    [TestCase(26, "    extension: \"1009\"", "softswitch.yaml:26:16: routes[0].extension: extension 1009 is not defined under extensions")]
    [TestCase(26, "    flow: ''", "softswitch.yaml:25:5: routes[0]: a route needs exactly one destination (flow, queue, extension, ring_group, trunk, echo, music or meet_me), found 0")]
    [TestCase(23, "    password: s3cret-two\n    forward_no_answer: \"1009\"", "softswitch.yaml:24:24: extensions[1].forward_no_answer: forward_no_answer 1009 is not defined under extensions")]
    [TestCase(23, "    password: s3cret-two\n    forward_busy: \"1002\"", "softswitch.yaml:24:19: extensions[1].forward_busy: extension 1002 cannot forward to itself")]
    [TestCase(23, "    password: s3cret-two\n    ring_seconds: 0", "softswitch.yaml:24:19: extensions[1].ring_seconds: ring_seconds must be 1-600 (got 0)")]
    [TestCase(23, "    password: s3cret-two\n    permission: everywhere", "softswitch.yaml:24:17: extensions[1].permission: 'everywhere' is not a permission (internal, national or international)")]
    [TestCase(23, "    password: s3cret-two\n    caller_id: \"03-1234\"", "softswitch.yaml:24:16: extensions[1].caller_id: '03-1234' is not a number (digits, optional leading +)")]
    public void Each_rule_reports_file_line_column_key_and_reason(int line, string replacement, string expected)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(line, replacement));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { expected }));
        Assert.That(result.IsValid, Is.False);
    }

    [TestCase("\nivr: fast", "softswitch.yaml:27:6: ivr: expected a section with keys (flows, sounds, default_language), found the value 'fast'")]
    [TestCase("\nlogging:\n  level: chatty", "softswitch.yaml:28:10: logging.level: 'chatty' is not a log level (verbose, debug, information, warning, error, fatal)")]
    [TestCase("\nivr:\n  default_language: English", "softswitch.yaml:28:21: ivr.default_language: 'English' is not a language code (two or three lower-case letters, e.g. en, ms)")]
    [TestCase("\n    flow: main", "softswitch.yaml:25:5: routes[0]: a route needs exactly one destination (flow, queue, extension, ring_group, trunk, echo, music or meet_me), found 2")]
    [TestCase("\n    music: default", "softswitch.yaml:25:5: routes[0]: a route needs exactly one destination (flow, queue, extension, ring_group, trunk, echo, music or meet_me), found 2")]
    [TestCase("\n    answer_after_ms: -1", "softswitch.yaml:27:22: routes[0].answer_after_ms: -1 is outside 0..60000")]
    [TestCase("\n    greeting: ../../etc/passwd", "softswitch.yaml:27:15: routes[0].greeting: '../../etc/passwd' is not a sound name (a name under sounds/, without .wav, e.g. echo-test or music/default)")]
    [TestCase("\n    greeting: hello.wav", "softswitch.yaml:27:15: routes[0].greeting: 'hello.wav' is not a sound name (a name under sounds/, without .wav, e.g. echo-test or music/default)")]
    [TestCase("\nstorage:\n  database: ' '", "softswitch.yaml:28:13: storage.database: must not be empty")]
    [TestCase("\nsecurity:\n  failed_auth_limit: 0", "softswitch.yaml:28:22: security.failed_auth_limit: 0 is too small (at least 1)")]
    [TestCase("\nsecurity:\n  allow:\n    - 10.0.0.0/8\n    - 192.168.1.300", "softswitch.yaml:30:7: security.allow[1]: '192.168.1.300' is not a network (CIDR such as 192.168.1.0/24, or one address)")]
    [TestCase("\nextensions2: []", "softswitch.yaml:27:1: extensions2: unknown key at the top level (did you mean 'extensions'?)")]
    [TestCase("\nlimits:\n  max_calls_per_extension: -1", "softswitch.yaml:28:28: limits.max_calls_per_extension: -1 is too small (at least 0)")]
    [TestCase("\nstorage:\n  call_records_retention_days: -1", "softswitch.yaml:28:32: storage.call_records_retention_days: -1 is outside 0-36500 days (0 keeps them forever)")]
    [TestCase("\nlimits:\n  max_call_seconds: -5", "softswitch.yaml:28:21: limits.max_call_seconds: -5 is too small (at least 0)")]
    [TestCase("\nring_groups:\n  - number: \"1001\"\n    members: [\"1002\"]", "softswitch.yaml:28:13: ring_groups[0].number: 1001 is already an extension's number")]
    [TestCase("\nring_groups:\n  - number: \"700\"\n    members: [\"1002\", \"1009\"]", "softswitch.yaml:29:23: ring_groups[0].members[1]: member 1009 is not defined under extensions")]
    [TestCase("\nring_groups:\n  - number: \"700\"\n    strategy: random\n    members: [\"1002\"]", "softswitch.yaml:29:15: ring_groups[0].strategy: 'random' is not a strategy (ring_all or in_order)")]
    [TestCase("\nring_groups:\n  - number: \"700\"\n    members: [\"1002\"]\n    fallback: \"1009\"", "softswitch.yaml:30:15: ring_groups[0].fallback: fallback 1009 is not defined under extensions")]
    [TestCase("\n  - match: \"701\"\n    ring_group: \"701\"", "softswitch.yaml:28:17: routes[1].ring_group: ring group 701 is not defined under ring_groups")]
    [TestCase("\n  - match: \"701\"\n    queue: sales", "softswitch.yaml:28:12: routes[1].queue: queue sales is not defined under queues")]
    [TestCase("\n  - match: \"9X\"\n    trunk: nowhere", "softswitch.yaml:28:12: routes[1].trunk: trunk nowhere is not defined under trunks")]
    [TestCase("\n  - match: \"9X\"\n    echo: true\n    context: elsewhere", "softswitch.yaml:29:14: routes[1].context: 'elsewhere' is no context: internal (no trunk is configured)")]
    public void Appended_sections_are_checked(string appended, string expected)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + appended);

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Limits_and_rtp_timeouts_bind_and_more_calls_than_port_pairs_is_a_warning()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.ValidWithLine(14, "  port_max: 10099\n  timeout_seconds: 30\n  hold_timeout_seconds: 600") +
                   "\nlimits:\n  max_calls: 80\n  max_calls_per_extension: 2\n  max_call_seconds: 7200";

        var result = ConfigFixture.Validate(folder, yaml);

        Assert.That(result.Problems, Is.Empty);
        Assert.That(result.Options!.Rtp.TimeoutSeconds, Is.EqualTo(30));
        Assert.That(result.Options.Rtp.HoldTimeoutSeconds, Is.EqualTo(600));
        Assert.That(result.Options.Limits.MaxCallsPerExtension, Is.EqualTo(2));
        Assert.That(result.Options.Limits.MaxCallSeconds, Is.EqualTo(7200));
        Assert.That(result.Warnings.Select(w => w.Format("warning")).Single(), Does.Contain("limits.max_calls").And.Contain("50 RTP port pairs"));
    }

    [Test]
    public void Misspelt_password_is_unknown_and_the_password_missing()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(23, "    pasword: x"));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[]
        {
            "softswitch.yaml:23:5: extensions[1].pasword: unknown key in extensions[1] (did you mean 'password'?)",
            "softswitch.yaml:22:5: extensions[1].password: extension 1002 has no password",
        }));
    }

    [Test]
    public void Unknown_section_lists_the_known_ones_once()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid + "\nsupervisors:\n  - extension: \"1001\"\n    queues: [sales]");

        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0].ToString(), Does.StartWith("softswitch.yaml:27:1: supervisors: unknown key at the top level (known: acd, agents, auth, dns, extensions, http, ivr,"));
    }

    [Test]
    public void Nested_keys_under_a_value_are_unknown()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(3, "  port:\n    udp: 5060"));

        Assert.That(result.Problems.Select(p => p.ToString()), Is.EqualTo(new[] { "softswitch.yaml:4:5: sip.port.udp: sip.port takes a single value, not nested keys" }));
    }

    [Test]
    public void Several_problems_are_all_reported()
    {
        using var folder = new TempFolder();
        var yaml = ConfigFixture.ValidWithLine(3, "  port: 70000").Replace("  port_min: 10000", "  port_min: 9", StringComparison.Ordinal);

        var result = ConfigFixture.Validate(folder, yaml);

        Assert.That(result.Problems.Select(p => $"{p.Line}:{p.Key}"), Is.EqualTo(new[] { "3:sip.port", "13:rtp.port_min" }));
    }

    [Test]
    public void Shipped_demo_password_is_a_warning_not_a_problem()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(21, "    password: change-me-1001"));

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Warnings.Select(w => w.Format("warning")), Is.EqualTo(new[]
        {
            "softswitch.yaml:21:15: warning: extensions[0].password: extension 1001 still uses the shipped demo password; change it before the softswitch is reachable from any network you do not control",
        }));
    }

    [TestCase("    password: \"1\"", "softswitch.yaml:21:15: warning: extensions[0].password: extension 1001 has a password of 1 characters: a word list finds it in seconds; use at least 10")]
    [TestCase("    password: s3cret-12", "softswitch.yaml:21:15: warning: extensions[0].password: extension 1001 has a password of 9 characters: a word list finds it in seconds; use at least 10")]
    [TestCase("    password: \"1001\"", "softswitch.yaml:21:15: warning: extensions[0].password: extension 1001 uses its own number as password: the first guess of every scanner (svcrack); use at least 10 characters")]
    public void Weak_password_is_a_warning_at_its_value(string line, string expected)
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(21, line));

        Assert.That(result.IsValid, Is.True);
        Assert.That(result.Warnings.Select(w => w.Format("warning")), Is.EqualTo(new[] { expected }));
    }

    [Test]
    public void Weak_password_set_in_the_environment_is_reported_there()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.Valid,
            environment: [new Softswitch.Configuration.ConfigOverride("extensions:1:password", "1002", "environment variable SOFTSWITCH_extensions__1__password")]);

        Assert.That(result.Warnings.Single().Format("warning"), Does.StartWith("environment variable SOFTSWITCH_extensions__1__password: warning: extensions[1].password: extension 1002 uses its own number"));
    }

    [Test]
    public void Broken_yaml_is_the_only_problem_reported()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(4, "  transports: [udp, tcp"));

        Assert.That(result.Problems, Has.Count.EqualTo(1));
        Assert.That(result.Problems[0].File, Is.EqualTo("softswitch.yaml"));
        Assert.That(result.Problems[0].Line, Is.GreaterThanOrEqualTo(4));
        Assert.That(result.Options, Is.Null);
    }

    [Test]
    public void Omitted_transports_default_to_udp_and_tcp()
    {
        using var folder = new TempFolder();

        var result = ConfigFixture.Validate(folder, ConfigFixture.ValidWithLine(4, "  # no transports"));

        Assert.That(result.Options!.Sip.EffectiveTransports, Is.EqualTo(new[] { "udp", "tcp" }));
    }
}
