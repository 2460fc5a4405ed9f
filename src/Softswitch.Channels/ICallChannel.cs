namespace Softswitch.Channels;

/// <summary>
/// An answered call as an application (an IVR flow, a queue, echo, music) sees it: prompts in the call's language,
/// the caller's keys, recording, bridging to another party, hang-up. The call layer implements it over SIP and RTP;
/// tests and the flow simulator implement it with a script. Every method runs on the application's own flow; the
/// channel serialises them with the call's SIP events, so an application never needs a lock. The one exception: while a
/// bridge with <see cref="BridgeRequest.KeepApplicationAudio"/> rings, the application may play prompts and music from a
/// second task (a queue's announcements while an agent rings).
/// </summary>
public interface ICallChannel
{
    /// <summary>The switch's id for the call (the call record's uuid): stable across transfers.</summary>
    string CallUuid { get; }

    /// <summary>The caller's number: an extension, or the caller ID a carrier sent (may be empty when withheld).</summary>
    string Caller { get; }

    /// <summary>The caller's display name, when one was sent.</summary>
    string? CallerName { get; }

    /// <summary>The number the caller dialled (a DID from a carrier, or what an extension dialled).</summary>
    string Dialled { get; }

    /// <summary>Where the call came from: an extension, or a trunk by name.</summary>
    CallOrigin Origin { get; }

    /// <summary>The language prompts are looked up in (<c>sounds/&lt;language&gt;/</c>); starts as the switch's default.</summary>
    string Language { get; set; }

    /// <summary>Cancelled once the caller has hung up (or the switch ended the call): every wait below ends with it.</summary>
    CancellationToken HungUp { get; }

    /// <summary>
    /// Plays <paramref name="prompts"/> in order. With <paramref name="bargeIn"/> the first key the caller presses stops
    /// the playback and stays in the type-ahead buffer for the next <see cref="CollectDigitsAsync"/>; without it, keys
    /// pressed meanwhile are buffered all the same. A prompt that does not exist is skipped (and logged by the channel).
    /// </summary>
    Task<PlayResult> PlayAsync(IReadOnlyList<Prompt> prompts, bool bargeIn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Collects keys, starting with any already in the type-ahead buffer: until <see cref="DigitCollection.MaxDigits"/>
    /// keys, a terminator key, or a timeout (the first key within <see cref="DigitCollection.FirstDigitTimeout"/>, each
    /// next within <see cref="DigitCollection.InterDigitTimeout"/>).
    /// </summary>
    Task<DigitsResult> CollectDigitsAsync(DigitCollection collection, CancellationToken cancellationToken = default);

    /// <summary>Forgets keys pressed and not yet collected (before a question whose answer must not be typed ahead).</summary>
    void ClearTypeAhead();

    /// <summary>
    /// Records what the caller says into a WAV file (mono 16-bit PCM, 8 kHz): until a stop key, silence, the maximum
    /// length, or hang-up. The file is complete and readable whichever way the recording ended.
    /// </summary>
    Task<RecordResult> RecordAsync(RecordRequest request, CancellationToken cancellationToken = default);

    /// <summary>Loops the music of <paramref name="musicClass"/> (<c>sounds/music/&lt;class&gt;.wav</c>) until <see cref="StopMusic"/>, a playback, or a bridge.</summary>
    void StartMusic(string musicClass = "default");

    /// <summary>Stops the music (harmless when none plays).</summary>
    void StopMusic();

    /// <summary>
    /// Connects the caller to <see cref="BridgeRequest.Destination"/>, dialled in the caller's context as if the caller
    /// had dialled it (an extension, a ring group, a route). Returns when the destination could not be reached (the
    /// caller stays with the application) or, once it answered, when the conversation is over: then either the caller
    /// hung up (<see cref="HungUp"/> is cancelled) or the other party did and the caller is back with the application.
    /// </summary>
    Task<BridgeResult> BridgeAsync(BridgeRequest request, CancellationToken cancellationToken = default);

    /// <summary>Ends the call from the switch's side (harmless when the caller is already gone).</summary>
    void Hangup();

    /// <summary>
    /// Adds a field to the call's record (the IVR's path, keys and final variables): the last value set for a name wins,
    /// and the fields are written with the call's row when it ends.
    /// </summary>
    void SetRecordField(string name, string value);
}
