namespace Softswitch.Calls.Bridging;

public sealed partial class BridgedCall
{
    /// <summary>
    /// An application's bridge that rings several numbers at once (<see cref="Channels.BridgeRequest.AlsoRing"/>): the
    /// phones of every number join the first step, as a ring group's ring-all does, so the first 2xx wins and the other
    /// forks are cancelled. Forwards are dropped (they belong to one number, not to the group); a number that does not
    /// resolve to phones (unknown, a trunk) adds nothing.
    /// </summary>
    private DialTarget RingingAlso(DialTarget target, IReadOnlyList<string> more)
    {
        if (target.Trunks.Count > 0) return target;
        var contacts = new List<DialContact>(target.Contacts);
        foreach (var number in more)
        {
            if (_context.Destinations?.Resolve(Source, number, out _) is { Trunks.Count: 0 } other) contacts.AddRange(other.Contacts);
        }

        return target with { Contacts = contacts, OnBusy = null, OnNoAnswer = null };
    }
}
