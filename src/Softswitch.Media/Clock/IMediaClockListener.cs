namespace Softswitch.Media.Clock;

/// <summary>Something paced by the media clock: a prompt player, music on hold, a recorder flush.</summary>
public interface IMediaClockListener
{
    /// <summary>
    /// One 20 ms tick. <paramref name="tick"/> counts from the clock's start, so a listener that joins late can tell
    /// how many frames it owes. Called on the clock's loop: do 20 ms of work (encode and send one frame) and return.
    /// </summary>
    void OnTick(long tick);
}
