using Softswitch.Channels;

namespace Softswitch.Ivr;

/// <summary>
/// Where a <c>voicemail</c> node leaves messages. The host implements it over storage (the WAV's folder, the row in
/// SQLite, message-waiting NOTIFY to the box owner's phones); the flow only records into the path it is given.
/// </summary>
public interface IVoicemailDrop
{
    /// <summary>
    /// A new message's file in <paramref name="box"/>, or null when the box does not exist or is full (the flow then goes
    /// on without recording).
    /// </summary>
    Task<VoicemailMessage?> StartMessageAsync(string box, VoicemailCaller caller, CancellationToken cancellationToken = default);

    /// <summary>
    /// The recording into <see cref="VoicemailMessage.Path"/> ended (also when the caller hung up while speaking: the file
    /// holds what was said). The drop keeps or discards it (an empty message) and notifies the box owner.
    /// </summary>
    Task FinishMessageAsync(VoicemailMessage message, RecordResult recording, CancellationToken cancellationToken = default);
}
