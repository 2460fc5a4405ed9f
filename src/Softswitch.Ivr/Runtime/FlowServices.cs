using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Runtime;

/// <summary>What running (and checking) flows needs from the switch. Optional parts are skipped when absent.</summary>
public sealed record FlowServices
{
    /// <summary>The clock <c>hours</c> nodes read and timeouts run on.</summary>
    public required TimeProvider TimeProvider { get; init; }

    /// <summary>The prompts folder: <c>sounds/&lt;language&gt;/&lt;name&gt;.wav</c>.</summary>
    public required string SoundsFolder { get; init; }

    /// <summary>A flow without <c>languages:</c> is checked (and starts) in this language.</summary>
    public string DefaultLanguage { get; init; } = "en";

    /// <summary>Reads numbers for <c>say</c>; without one a <c>say</c> plays nothing and the validator does not check its prompts.</summary>
    public INumberSpeaker? NumberSpeaker { get; init; }

    /// <summary>Synthesizes <c>speak</c> text that has no recorded prompt; without one such text is skipped.</summary>
    public ISpeechSynthesizer? SpeechSynthesizer { get; init; }

    public IVoicemailDrop? VoicemailDrop { get; init; }

    /// <summary>For <c>mailbox</c> nodes (voicemail access); without it <c>mailbox: open</c> always fails.</summary>
    public IMailboxAccess? Mailboxes { get; init; }

    /// <summary>For <c>queue</c> nodes (the ACD); without it they go to their <c>next</c>.</summary>
    public ICallQueues? Queues { get; init; }

    /// <summary>For <c>http</c> nodes; without one they go to their <c>on_error</c>.</summary>
    public HttpClient? HttpClient { get; init; }

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
