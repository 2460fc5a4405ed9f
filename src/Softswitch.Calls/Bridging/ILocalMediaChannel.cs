using Microsoft.Extensions.Logging;
using Softswitch.Media.Legs;

namespace Softswitch.Calls.Bridging;

/// <summary>
/// What the switch's own applications (echo, meet-me) need beyond <see cref="Softswitch.Channels.ICallChannel"/>: the
/// caller's media itself. An IVR or a queue never sees it.
/// </summary>
internal interface ILocalMediaChannel
{
    MediaLeg Media { get; }

    /// <summary>Stops the channel's prompts and music: another party takes over the caller's audio.</summary>
    void Silence();

    /// <summary>For the objects an application makes for the call (a media bridge).</summary>
    ILoggerFactory Loggers { get; }
}
