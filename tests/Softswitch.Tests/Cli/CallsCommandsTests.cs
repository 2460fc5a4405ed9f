using System.Text.Json;
using Softswitch.Cli;
using Softswitch.Storage.CallRecords;
using Softswitch.Tests.Support;

namespace Softswitch.Tests.Cli;

public sealed class CallsCommandsTests
{
    private static readonly DateTimeOffset Day = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Export_prints_one_json_object_per_line_for_the_calls_started_since_the_date()
    {
        using var folder = new TempFolder();
        var repository = await DatabaseAsync(folder);
        await repository.AddBatchAsync([
            Record("yesterday", Day.AddMinutes(-1)),
            Record("answered", Day.AddHours(9)),
            Record("cancelled", Day.AddHours(10)) with
            {
                AnsweredAt = null, Callee = null, BillableSeconds = 0, HangupCause = "cancelled", SipStatus = 487, CallerLeg = null,
            },
        ]);

        var result = await RunAsync(folder, "calls", "export", "--since", "2026-12-06");

        Assert.That(result.Code, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2));
        using var answered = JsonDocument.Parse(lines[0]);
        using var cancelled = JsonDocument.Parse(lines[1]);
        var a = answered.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(a.GetProperty("call_uuid").GetString(), Is.EqualTo("answered"));
            Assert.That(a.GetProperty("caller").GetString(), Is.EqualTo("1001"));
            Assert.That(a.GetProperty("dialled").GetString(), Is.EqualTo("*43"));
            Assert.That(a.GetProperty("started_at").GetString(), Is.EqualTo("2026-12-06T09:00:00.000Z"));
            Assert.That(a.GetProperty("answered_at").GetString(), Is.EqualTo("2026-12-06T09:00:00.250Z"));
            Assert.That(a.GetProperty("duration_seconds").GetDouble(), Is.EqualTo(61.5));
            Assert.That(a.GetProperty("billable_seconds").GetInt32(), Is.EqualTo(62));
            Assert.That(a.GetProperty("caller_codec").GetString(), Is.EqualTo("PCMU"));
            Assert.That(a.GetProperty("caller_packets_received").GetInt64(), Is.EqualTo(3071));
            Assert.That(a.GetProperty("caller_jitter_ms").GetDouble(), Is.EqualTo(1.125));
            Assert.That(a.GetProperty("callee_codec").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(a.GetProperty("caller_name").GetString(), Is.EqualTo("Front desk, \"main\""));
        });
        var c = cancelled.RootElement;
        Assert.That(c.GetProperty("answered_at").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(c.GetProperty("sip_status").GetInt32(), Is.EqualTo(487));
        Assert.That(c.GetProperty("caller_packets_sent").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test, Description("RFC 4180 §2: CRLF line ends, a header row, fields with commas or quotes quoted and their quotes doubled")]
    public async Task Export_with_csv_prints_a_header_row_and_quotes_what_needs_quoting()
    {
        using var folder = new TempFolder();
        var repository = await DatabaseAsync(folder);
        await repository.AddBatchAsync([Record("answered", Day.AddHours(9)), Record("next-day", Day.AddDays(1))]);

        var result = await RunAsync(folder, "calls", "export", "--since", "2026-12-06T00:00:00Z", "--until", "2026-12-07", "--csv");

        Assert.That(result.Code, Is.EqualTo(0), result.Error);
        var lines = result.Output.Split("\r\n");
        Assert.That(lines, Has.Length.EqualTo(3), "header, one row, and the empty text after the last CRLF");
        Assert.That(lines[2], Is.Empty);
        var header = lines[0].Split(',');
        Assert.That(header[..6], Is.EqualTo(new[] { "id", "call_uuid", "call_id", "caller", "caller_name", "dialled" }));
        Assert.That(header, Does.Contain("caller_packets_lost").And.Contain("callee_jitter_ms").And.Contain("recording_path"));
        Assert.That(lines[1], Does.StartWith("1,answered,answered@phone,1001,\"Front desk, \"\"main\"\"\",*43,echo,extension,1001,echo,*43,"
            + "2026-12-06T09:00:00.000Z,2026-12-06T09:00:00.250Z,2026-12-06T09:01:01.500Z,61.5,62,normal,,caller,answered@phone,PCMU,"));
        Assert.That(lines[1], Does.EndWith(",,,,,,,,,2026/12/06/20261206-090000-answered.wav,"), "no callee leg, the recording, no application fields");
    }

    [TestCase("2026-12-06T09:00:00+08:00", 1, Description = "an offset: 01:00 UTC")]
    [TestCase("2026-12-06T08:59:59", 1, Description = "no zone: UTC")]
    [TestCase("2026-12-06 09:00:00.001", 0, Description = "a space for the T, fractions, UTC")]
    public async Task Since_with_a_time_is_utc_unless_it_carries_an_offset(string since, int expected)
    {
        using var folder = new TempFolder();
        var repository = await DatabaseAsync(folder);
        await repository.AddBatchAsync([Record("answered", Day.AddHours(9))]);

        var result = await RunAsync(folder, "calls", "export", "--since", since);

        Assert.That(result.Code, Is.EqualTo(0), result.Error);
        Assert.That(result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries), Has.Length.EqualTo(expected));
    }

    [TestCase("--since", "06/12/2026")]
    [TestCase("--since", "yesterday")]
    [TestCase("--until", "2026-13-01")]
    public async Task A_bad_date_is_one_line_on_stderr_and_exit_2(string option, string date)
    {
        using var folder = new TempFolder();
        await DatabaseAsync(folder);

        var result = await RunAsync(folder, "calls", "export", "--since", option == "--since" ? date : "2026-12-06", option, date);

        Assert.That(result.Code, Is.EqualTo(SoftswitchCli.UsageError));
        Assert.That(result.Output, Is.Empty);
        Assert.That(result.Error, Is.EqualTo($"softswitch: {option} '{date}' is not a date: use 2026-12-06 or 2026-12-06T08:30:00 (UTC unless it ends in Z or an offset)\n"));
    }

    [Test]
    public async Task An_empty_range_prints_only_the_csv_header_or_nothing()
    {
        using var folder = new TempFolder();
        await DatabaseAsync(folder);

        var json = await RunAsync(folder, "calls", "export", "--since", "2026-12-06");
        var csv = await RunAsync(folder, "calls", "export", "--csv", "--since", "2026-12-06");

        Assert.That((json.Code, json.Output), Is.EqualTo((0, "")));
        Assert.That(csv.Code, Is.EqualTo(0));
        Assert.That(csv.Output, Does.StartWith("id,call_uuid,").And.EndWith("recording_path,application_fields\r\n"));
    }

    private static StoredCallRecord Record(string uuid, DateTimeOffset started) => new()
    {
        CallUuid = uuid,
        CallId = uuid + "@phone",
        Caller = "1001",
        CallerName = "Front desk, \"main\"",
        Dialled = "*43",
        Callee = "echo",
        SourceKind = "extension",
        Source = "1001",
        RouteTarget = "echo",
        RouteMatch = "*43",
        StartedAt = started,
        AnsweredAt = started.AddMilliseconds(250),
        EndedAt = started.AddSeconds(61.5),
        DurationSeconds = 61.5,
        BillableSeconds = 62,
        HangupCause = "normal",
        HangupSide = "caller",
        CallerLeg = new StoredCallLeg(uuid + "@phone", "PCMU", "127.0.0.1:6000", 3070, 3071, 2, 1.125, 0),
        RecordingPath = $"2026/12/06/{started:yyyyMMdd-HHmmss}-{uuid}.wav",
    };

    private static async Task<CallRecordRepository> DatabaseAsync(TempFolder folder) => new(await CliDatabaseFolder.CreateAsync(folder));

    private static Task<(int Code, string Output, string Error)> RunAsync(TempFolder folder, params string[] args) =>
        CliDatabaseFolder.RunAsync(folder, args);
}
