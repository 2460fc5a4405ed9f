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

    private const string TagPlaceholder = "{CallIdTag:l}";

    // The template either side of {CallIdTag:l}: the tag is written between them, so an event with a call needs
    // no copy of itself and its properties (the same event goes to every sink, and each line of a call has one).
    private readonly MessageTemplateTextFormatter _beforeTag;
    private readonly MessageTemplateTextFormatter? _afterTag;

    /// <summary>Creates the formatter for <paramref name="outputTemplate"/>, which should contain <c>{CallIdTag:l}</c>.</summary>
    public CallIdTextFormatter(string outputTemplate)
    {
        ArgumentNullException.ThrowIfNull(outputTemplate);
        var at = outputTemplate.IndexOf(TagPlaceholder, StringComparison.Ordinal);
        if (at < 0)
        {
            _beforeTag = new MessageTemplateTextFormatter(outputTemplate);
            return;
        }

        _beforeTag = new MessageTemplateTextFormatter(outputTemplate[..at]);
        _afterTag = new MessageTemplateTextFormatter(outputTemplate[(at + TagPlaceholder.Length)..]);
    }

    /// <inheritdoc/>
    public void Format(LogEvent logEvent, TextWriter output)
    {
        _beforeTag.Format(logEvent, output);
        if (_afterTag is null) return;
        if (logEvent.Properties.TryGetValue(CallIdProperty, out var callId))
        {
            output.Write("[call ");
            if (callId is ScalarValue { Value: var value }) output.Write(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
            else output.Write(callId.ToString());
            output.Write("] ");
        }

        _afterTag.Format(logEvent, output);
    }
}
