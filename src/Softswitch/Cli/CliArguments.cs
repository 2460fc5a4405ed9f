using Softswitch.Configuration;

namespace Softswitch.Cli;

/// <summary>
/// Parsed command line: <c>softswitch [run|check-config] [--config FILE] [--section:key=value …]</c>.
/// </summary>
/// <param name="Command">What to do.</param>
/// <param name="ConfigPath">The <c>--config</c> value, if given.</param>
/// <param name="Overrides">The <c>--section:key=value</c> arguments.</param>
/// <param name="Error">Why the arguments are unusable, or null.</param>
public sealed record CliArguments(CliCommand Command, string? ConfigPath, IReadOnlyList<ConfigOverride> Overrides, string? Error)
{
    /// <summary>The address of <c>security unban ADDRESS</c>.</summary>
    public string? Address { get; init; }

    /// <summary>The <c>--since</c> of <c>calls export</c> (or <c>--from</c> of <c>report</c>), as typed (parsed by <see cref="CallsCommands"/>).</summary>
    public string? Since { get; init; }

    /// <summary>The <c>--until</c> of <c>calls export</c> (or <c>--to</c> of <c>report</c>), as typed; null: up to now.</summary>
    public string? Until { get; init; }

    /// <summary><c>calls export --csv</c>: CSV instead of JSON lines; <c>report --csv</c>: CSV tables.</summary>
    public bool Csv { get; init; }

    /// <summary>The <c>--queue</c> of <c>report</c>: only this queue and its agents; null for all.</summary>
    public string? Queue { get; init; }

    /// <summary>The flows folder of <c>flows check [DIR]</c> / <c>flows simulate --flows DIR</c>; null for the configuration's.</summary>
    public string? FlowsFolder { get; init; }

    /// <summary>The prompts folder of the <c>flows</c> commands (<c>--sounds DIR</c>); null for the configuration's.</summary>
    public string? SoundsFolder { get; init; }

    /// <summary>The flow <c>flows simulate</c> runs.</summary>
    public string? FlowName { get; init; }

    /// <summary>The key script of <c>flows simulate --keys</c> ("2,3,123456#", "w5" for a pause).</summary>
    public string? Keys { get; init; }

    /// <summary>When the simulated call happens (<c>--at</c>, as typed); null for now.</summary>
    public string? At { get; init; }

    /// <summary>The simulated caller's number (<c>--caller</c>).</summary>
    public string? Caller { get; init; }

    /// <summary>The <c>erlang</c> command's <c>--calls-per-hour</c>, <c>--aht</c> and <c>--target</c>, as typed (parsed by <see cref="ErlangCommand"/>).</summary>
    public ErlangInputs? Erlang { get; init; }

    /// <summary>Usage text for <c>--help</c>.</summary>
    public const string Usage =
        """
        Usage:
          softswitch [run] [--config FILE] [--section:key=value ...]
          softswitch check-config [--config FILE] [--section:key=value ...]
          softswitch security bans [--config FILE]
          softswitch security unban ADDRESS [--config FILE]
          softswitch calls export --since DATE [--until DATE] [--csv] [--config FILE]
          softswitch report --from DATE --to DATE [--queue NAME] [--csv] [--config FILE]
          softswitch flows check [DIR] [--sounds DIR] [--config FILE]
          softswitch flows simulate FLOW --keys KEYS [--at DATE] [--caller NUMBER] [--flows DIR] [--sounds DIR] [--config FILE]
          softswitch erlang --calls-per-hour N --aht SECONDS [--target PERCENT/SECONDS]
          softswitch --help
          softswitch --version

        Commands:
          run            start the softswitch (default); stops cleanly on Ctrl-C or SIGTERM
          check-config   validate the configuration, print each problem as file:line:column: message,
                         exit 1 if there is any
          security bans  list the addresses banned for failed authentication (from the database)
          security unban lift the ban of ADDRESS; a running softswitch obeys within a few seconds
          calls export   print the records of the calls that started from --since up to (not
                         including) --until, oldest first: one JSON object per line, or CSV
                         (RFC 4180, header row) with --csv. DATE is 2026-12-06 (midnight) or
                         ISO 8601 with a time, 2026-12-06T08:30:00; UTC unless it ends in Z or
                         an offset such as +08:00
          report         the call-centre figures from --from up to (not including) --to, from the
                         queue event log: per queue offered, answered, abandoned (and within the
                         service level threshold), ASA, AHT, longest wait, service level, FCR and
                         CSAT; per agent offers, answered, talk, wrap-up, staffed time, occupancy
                         and calls per staffed hour. --queue NAME: that queue and its agents;
                         --csv: the two tables as CSV (RFC 4180), a blank line between them
          flows check    check every IVR flow in DIR against the prompts in --sounds (both default
                         to the configuration's ivr.flows and ivr.sounds, else ivr-flows and
                         sounds): each problem as file:line:column: message, exit 1 on any
                         error (warnings do not fail)
          flows simulate run flow FLOW with a key script, printing the prompts played, keys used,
                         variables set and HTTP calls; the last line says where the call ended.
                         KEYS: groups typed when the flow next waits, e.g. "2,3,123456#"; an
                         empty group lets a wait time out; w5 pauses 5 s. --at picks the time
                         (business hours), e.g. 2026-11-23T10:00+08:00; --caller the number
          erlang         staffing by Erlang C: the agents needed to answer PERCENT of calls within
                         SECONDS (--target, default 80/20) for N calls an hour of --aht seconds
                         average handle time, with the expected service level and average speed
                         of answer, and the figures for a few agents more or fewer

        Options:
          --config FILE          configuration file (default: configs/softswitch.yaml in the current
                                 directory, else the one installed next to the program)
          --section:key=value    override one key, e.g. --sip:port=5070 or --extensions:0:password=s3cret
          -h, --help             show this help
          --version              print the version and exit

        Environment:
          SOFTSWITCH_section__key=value overrides a key too, e.g. SOFTSWITCH_sip__port=5070.
          Precedence: command line over environment over the file.
        """;

    /// <summary>Parses <paramref name="args"/>; never throws.</summary>
    public static CliArguments Parse(IReadOnlyList<string> args)
    {
        var command = CliCommand.Run;
        string? configPath = null;
        string? address = null;
        string? since = null;
        string? until = null;
        var csv = false;
        string? queue = null;
        var flows = new FlowOptions();
        ErlangInputs? erlang = null;
        var overrides = new List<ConfigOverride>();
        var index = 0;
        if (args.Count > 0 && !args[0].StartsWith('-'))
        {
            switch (args[0])
            {
                case "run":
                    break;
                case "check-config":
                    command = CliCommand.CheckConfig;
                    break;
                case "help":
                    command = CliCommand.Help;
                    break;
                case "security":
                    switch (args.Count > 1 ? args[1] : null)
                    {
                        case "bans":
                            command = CliCommand.SecurityBans;
                            break;
                        case "unban" when args.Count > 2 && !args[2].StartsWith('-'):
                            command = CliCommand.SecurityUnban;
                            address = args[2];
                            break;
                        case "unban":
                            return Fail("security unban needs an ADDRESS");
                        default:
                            return Fail("security needs 'bans' or 'unban ADDRESS'");
                    }

                    break;
                case "calls" when args.Count > 1 && args[1] == "export":
                    command = CliCommand.CallsExport;
                    break;
                case "calls":
                    return Fail("calls needs 'export --since DATE'");
                case "report":
                    command = CliCommand.Report;
                    break;
                case "flows" when args.Count > 1 && args[1] == "check":
                    command = CliCommand.FlowsCheck;
                    if (args.Count > 2 && !args[2].StartsWith('-')) flows.Folder = args[2];
                    break;
                case "flows" when args.Count > 2 && args[1] == "simulate" && !args[2].StartsWith('-'):
                    command = CliCommand.FlowsSimulate;
                    flows.Name = args[2];
                    break;
                case "flows":
                    return Fail("flows needs 'check [DIR]' or 'simulate FLOW --keys KEYS'");
                case "erlang":
                    command = CliCommand.Erlang;
                    erlang = new ErlangInputs();
                    break;
                default:
                    return Fail($"unknown command '{args[0]}'");
            }

            index = command switch
            {
                CliCommand.SecurityBans or CliCommand.CallsExport => 2,
                CliCommand.SecurityUnban or CliCommand.FlowsSimulate => 3,
                CliCommand.FlowsCheck => flows.Folder is null ? 2 : 3,
                _ => 1,
            };
        }

        for (; index < args.Count; index++)
        {
            var arg = args[index];
            if (arg is "-h" or "--help")
            {
                command = CliCommand.Help;
                continue;
            }

            if (arg == "--version")
            {
                command = CliCommand.Version;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                return Fail($"unexpected argument '{arg}'");
            }

            var (name, value) = SplitOption(arg[2..]);
            if (command is CliCommand.CallsExport or CliCommand.Report && name == "csv")
            {
                if (value is not null) return Fail("--csv takes no value");
                csv = true;
                continue;
            }

            if (value is null && index + 1 < args.Count && !args[index + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = args[++index];
                arg = $"{arg} {value}";
            }

            if (name == "config")
            {
                if (string.IsNullOrEmpty(value))
                {
                    return Fail("--config needs a file name");
                }

                configPath = value;
            }
            else if (command is CliCommand.FlowsCheck or CliCommand.FlowsSimulate && FlowOptions.Accepts(command, name))
            {
                // An empty key script ("") is a caller who presses nothing.
                if (value is null || (value.Length == 0 && name != "keys")) return Fail($"--{name} needs a value");
                flows.Set(name, value);
            }
            else if (command == CliCommand.Erlang && name is "calls-per-hour" or "aht" or "target")
            {
                if (string.IsNullOrEmpty(value)) return Fail($"--{name} needs a value");
                erlang = name switch
                {
                    "calls-per-hour" => erlang! with { CallsPerHour = value },
                    "aht" => erlang! with { AverageHandleTime = value },
                    _ => erlang! with { Target = value },
                };
            }
            else if ((command == CliCommand.CallsExport && name is "since" or "until") || (command == CliCommand.Report && name is "from" or "to"))
            {
                if (string.IsNullOrEmpty(value)) return Fail($"--{name} needs a DATE");
                if (name is "since" or "from") since = value;
                else until = value;
            }
            else if (command == CliCommand.Report && name == "queue")
            {
                if (string.IsNullOrEmpty(value)) return Fail("--queue needs a NAME");
                queue = value;
            }
            else if (name.Contains(':', StringComparison.Ordinal) && !name.StartsWith(':') && !name.EndsWith(':'))
            {
                if (value is null)
                {
                    return Fail($"{arg} needs a value (--{name}=VALUE)");
                }

                overrides.Add(new ConfigOverride(name, value, $"command line argument {arg}"));
            }
            else
            {
                return Fail($"unknown option '--{name}' (configuration keys look like --section:key=value)");
            }
        }

        if (command == CliCommand.CallsExport && since is null) return Fail("calls export needs --since DATE");
        if (command == CliCommand.Report && (since is null || until is null)) return Fail("report needs --from DATE and --to DATE");
        if (command == CliCommand.Erlang && (erlang!.CallsPerHour is null || erlang.AverageHandleTime is null))
        {
            return Fail("erlang needs --calls-per-hour N and --aht SECONDS");
        }

        if (command == CliCommand.FlowsSimulate && flows.Keys is null) return Fail("flows simulate needs --keys KEYS (\"\" for none)");
        return new CliArguments(command, configPath, overrides, null)
        {
            Address = address, Since = since, Until = until, Csv = csv, Queue = queue,
            FlowsFolder = flows.Folder, SoundsFolder = flows.Sounds, FlowName = flows.Name, Keys = flows.Keys, At = flows.At, Caller = flows.Caller,
            Erlang = erlang,
        };

        CliArguments Fail(string error) => new(command, configPath, overrides, error);
    }

    private static (string Name, string? Value) SplitOption(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (text, null) : (text[..equals], text[(equals + 1)..]);
    }

    /// <summary>The options of the <c>flows</c> commands while they are parsed.</summary>
    private sealed class FlowOptions
    {
        public string? Folder { get; set; }

        public string? Sounds { get; set; }

        public string? Name { get; set; }

        public string? Keys { get; set; }

        public string? At { get; set; }

        public string? Caller { get; set; }

        public static bool Accepts(CliCommand command, string name) =>
            name == "sounds" || (command == CliCommand.FlowsSimulate && name is "keys" or "at" or "caller" or "flows");

        public void Set(string name, string value)
        {
            switch (name)
            {
                case "sounds": Sounds = value; break;
                case "keys": Keys = value; break;
                case "at": At = value; break;
                case "caller": Caller = value; break;
                default: Folder = value; break;
            }
        }
    }
}
