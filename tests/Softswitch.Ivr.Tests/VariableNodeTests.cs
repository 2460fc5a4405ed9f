using Softswitch.Ivr.Tests.Support;

namespace Softswitch.Ivr.Tests;

/// <summary>set, branch and hours: the nodes that decide without the caller.</summary>
public sealed class VariableNodeTests : FlowTest
{
    private const string Branch = """
        nodes:
          ask:
            collect: amount
            max_length: 6
            next: decide
          decide:
            branch:
              - if: amount
                equals: "0"
                next: zero
              - if: amount
                greater_than: "${limit}"
                next: big
              - if: amount
                matches: "^7"
                next: lucky
            otherwise: other
          zero:
            set: { kind: zero }
          big:
            set: { kind: "big ${amount}" }
          lucky:
            set: { kind: lucky }
          other:
            set: { kind: other }
        variables:
          limit: "1000"
        """;

    [TestCase("0#", "zero")]
    [TestCase("5000#", "big 5000")]
    [TestCase("1000#", "other")]
    [TestCase("77#", "lucky")]
    [TestCase("12#", "other")]
    public async Task Branch_takes_the_first_rule_that_holds(string keys, string kind)
    {
        var call = await RunAsync(Branch, keys);
        Assert.That(call.Lines, Does.Contain($"set kind = {kind}"));
    }

    [Test]
    public async Task Built_in_variables_describe_the_call()
    {
        var call = await RunAsync("""
            nodes:
              copy:
                set:
                  who: "${caller} ${caller_name} ${dialled} ${origin} ${origin_name} ${language} [${nothing}]"
            """, "", setUp: null);
        Assert.That(call.Lines, Does.Contain("set who = 60123456789  500 trunk simulator en []"));
    }

    private const string Hours = """
        nodes:
          check:
            hours: office
            open: open
            closed: closed
            holiday: holiday
          open:
            set: { state: open }
          closed:
            set: { state: closed }
          holiday:
            set: { state: holiday }
        """;

    private const string Calendars = """
        calendars:
          office:
            time_zone: Asia/Kuala_Lumpur
            hours:
              mon-fri: 09:00-18:00
            holidays: [2026-12-25]
        """;

    [TestCase("2026-11-23T10:00+08:00", "open")]
    [TestCase("2026-11-23T18:30+08:00", "closed")]
    [TestCase("2026-11-22T10:00+08:00", "closed")]
    [TestCase("2026-12-25T10:00+08:00", "holiday")]
    public async Task Hours_goes_by_the_calendar_at_the_clocks_time(string at, string state)
    {
        Workspace.WriteCalendars(Calendars);
        Workspace.WriteFlow("main", Hours);
        var clock = new Simulation.SimulationClock(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture));
        var call = await Workspace.RunAsync("main", "", Workspace.Services(clock), clock);
        Assert.That(call.Lines, Does.Contain($"set state = {state}"));
    }

    [Test]
    public async Task A_holiday_without_a_holiday_node_goes_to_closed()
    {
        Workspace.WriteCalendars(Calendars);
        Workspace.WriteFlow("main", Hours.Replace("    holiday: holiday\n", "").Replace("  holiday:\n    set: { state: holiday }\n", ""));
        var clock = new Simulation.SimulationClock(new DateTimeOffset(2026, 12, 25, 10, 0, 0, TimeSpan.FromHours(8)));
        var call = await Workspace.RunAsync("main", "", Workspace.Services(clock), clock);
        Assert.That(call.Lines, Does.Contain("set state = closed"));
        Assert.That(call.Lines, Does.Contain("hours office: holiday (Fri 2026-12-25 10:00 Asia/Kuala_Lumpur)"));
    }
}
