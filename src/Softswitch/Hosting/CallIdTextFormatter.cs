using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace Softswitch.Hosting;

/// <summary>
/// Renders log lines with <see cref="SerilogSetup.OutputTemplate"/>, adding <c>[call …]</c> when
/// the event carries a <c>CallId</c> (from a structured argument or an ILogger scope). Done at
/// format time because scope properties are attached after the configured enrichers run.
/// </summary>
public sealed class CallIdTextFormatter : ITextFormatter
{
    /// <summary>Name of the property that libraries set.</summary>
    public const string CallIdProperty = "CallId";

    private const string TagProperty = "CallIdTag";
    private readonly MessageTemplateTextFormatter _inner;

    /// <summary>Creates the formatter for <paramref name="outputTemplate"/>, which should contain <c>{CallIdTag:l}</c>.</summary>
    public CallIdTextFormatter(string outputTemplate) => _inner = new MessageTemplateTextFormatter(outputTemplate);

    /// <inheritdoc/>
    public void Format(LogEvent logEvent, TextWriter output)
    {
        if (!logEvent.Properties.TryGetValue(CallIdProperty, out var callId))
        {
            _inner.Format(logEvent, output);
            return;
        }

        var text = callId is ScalarValue { Value: var value } ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : callId.ToString();
        // A copy, not AddOrUpdateProperty: the same event goes to every sink.
        var properties = logEvent.Properties
            .Select(p => new LogEventProperty(p.Key, p.Value))
            .Append(new LogEventProperty(TagProperty, new ScalarValue($"[call {text}] ")));
        _inner.Format(new LogEvent(logEvent.Timestamp, logEvent.Level, logEvent.Exception, logEvent.MessageTemplate, properties), output);
    }
}
