using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Extensions.Logging;
using Softswitch.Hosting;

namespace Softswitch.Tests.Hosting;

public sealed class CallIdTextFormatterTests
{
    [Test]
    public void Call_id_from_a_logger_scope_appears_in_the_line()
    {
        var (logger, sink) = CreateLogger();

        using (logger.BeginScope(new Dictionary<string, object> { ["CallId"] = "a84b4c76e66710@pc33" }))
        {
            logger.LogInformation("INVITE from {From}", "sip:1001@softswitch.local");
        }

        Assert.That(Render(sink.Events.Single()), Does.Match(@"^\S+ \S+ \[INF\] \[call a84b4c76e66710@pc33\] Test\.Calls: INVITE from sip:1001@softswitch\.local\n$"));
    }

    [Test]
    public void Call_id_as_a_message_property_appears_in_the_line()
    {
        var (logger, sink) = CreateLogger();

        logger.LogWarning("Call {CallId} timed out", "xyz");

        Assert.That(Render(sink.Events.Single()), Does.Contain("[WRN] [call xyz] Test.Calls: Call xyz timed out"));
    }

    [Test]
    public void Lines_without_a_call_have_no_call_tag()
    {
        var (logger, sink) = CreateLogger();

        logger.LogInformation("Softswitch started");

        Assert.That(Render(sink.Events.Single()), Does.Contain("[INF] Test.Calls: Softswitch started").And.Not.Contain("[call"));
    }

    [TestCase("trace", LogEventLevel.Verbose)]
    [TestCase("Information", LogEventLevel.Information)]
    [TestCase("WARN", LogEventLevel.Warning)]
    [TestCase("critical", LogEventLevel.Fatal)]
    public void Level_names_are_parsed(string text, LogEventLevel expected)
    {
        Assert.That(LogLevelNames.TryParse(text, out var level), Is.True);
        Assert.That(level, Is.EqualTo(expected));
    }

    private static string Render(LogEvent logEvent)
    {
        var text = new StringWriter { NewLine = "\n" };
        new CallIdTextFormatter(SerilogSetup.OutputTemplate.Replace("{NewLine}", "\n", StringComparison.Ordinal)).Format(logEvent, text);
        return text.ToString();
    }

    private static (Microsoft.Extensions.Logging.ILogger Logger, CollectingSink Sink) CreateLogger()
    {
        var sink = new CollectingSink();
        var serilog = new LoggerConfiguration().MinimumLevel.Verbose().Enrich.FromLogContext().WriteTo.Sink(sink).CreateLogger();
        var provider = new SerilogLoggerProvider(serilog, dispose: true);
        return (provider.CreateLogger("Test.Calls"), sink);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public List<LogEvent> Events { get; } = [];

        public void Emit(LogEvent logEvent) => Events.Add(logEvent);
    }
}
