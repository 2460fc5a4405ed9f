using Microsoft.Extensions.Logging;

namespace Softswitch.Ivr.Speech;

public sealed partial class EspeakSynthesizer
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "speech synthesis for {Language} failed: {Reason} (text: {Text})")]
    private partial void LogFailed(string language, string reason, string text);

    [LoggerMessage(EventId = 2, Level = LogLevel.Debug, Message = "synthesized {Language} text in {Milliseconds} ms to {Path}")]
    private partial void LogSynthesized(string language, long milliseconds, string path);
}
