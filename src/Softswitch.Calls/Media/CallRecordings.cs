using Microsoft.Extensions.Logging;
using Softswitch.Media.Sdp;
using Softswitch.Media.Recording;

namespace Softswitch.Calls.Media;

/// <summary>Where a call's recording goes and how the catalog (the host's <c>recordings</c> table) hears of it.</summary>
public static class CallRecordings
{
    /// <summary>
    /// A new file named by <paramref name="uuid"/> and the start time; on the (practically impossible) clash with an
    /// existing file, a new id (the call keeps it).
    /// </summary>
    public static CallRecorder Start(CallMediaOptions media, MediaFormat codec, TimeProvider time, ILoggerFactory loggers,
        ref string uuid, out DateTimeOffset started)
    {
        started = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            var path = RecordingPaths.For(media.RecordingsFolder, uuid, started);
            try
            {
                return CallRecorder.Start(path, codec, media.Clock, loggers.CreateLogger<CallRecorder>());
            }
            catch (IOException) when (attempt < 3 && File.Exists(path))
            {
                uuid = RecordingPaths.NewCallUuid(time);
            }
        }
    }

    /// <summary>The file's path under the recordings folder, with forward slashes (as the table and the call record keep it).</summary>
    public static string Relative(CallMediaOptions media, string path) =>
        Path.GetRelativePath(media.RecordingsFolder, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>Tells the catalog which file holds the call, once the recorder is closed.</summary>
    public static void Catalog(CallMediaOptions media, CallRecorder recorder, string callId, string uuid, DateTimeOffset started,
        DateTimeOffset ended, string? caller, string dialled)
    {
        media.RecordingCatalog?.Add(new FinishedRecording(callId, uuid, Relative(media, recorder.Path), started, ended, recorder.Duration,
            Channels: 2, recorder.SampleRate, recorder.FramesDropped, caller, dialled));
    }
}
