namespace Softswitch.Calls.Trunks;

/// <summary>
/// The trunk call slots (<c>max_calls</c>) one call's connected legs hold, each slot tied to the leg that talks through
/// the trunk: given back when that leg ends, or passed on with the leg when an attended transfer or a Replaces moves it
/// (the slot then stays taken, by the call the leg went to). Used only on the call's own loop.
/// </summary>
/// <typeparam name="TLeg">The call's leg type.</typeparam>
internal sealed class TrunkSlots<TLeg> where TLeg : class
{
    private readonly List<(TLeg Leg, TrunkState Trunk)> _held = [];

    /// <summary>How many slots the call's legs hold now.</summary>
    public int Count => _held.Count;

    /// <summary><paramref name="leg"/> holds a slot of <paramref name="trunk"/> taken for it (or given with it).</summary>
    public void Hold(TLeg leg, TrunkState trunk) => _held.Add((leg, trunk));

    /// <summary>The trunk whose slot <paramref name="leg"/> holds, or null.</summary>
    public TrunkState? TrunkOf(TLeg leg) => IndexOf(leg) is var index and >= 0 ? _held[index].Trunk : null;

    /// <summary>
    /// <paramref name="leg"/> leaves this call with its slot still taken: returns the trunk (for whoever takes the leg
    /// over) and forgets it here; null when the leg held none.
    /// </summary>
    public TrunkState? HandOver(TLeg leg)
    {
        var index = IndexOf(leg);
        if (index < 0) return null;
        var trunk = _held[index].Trunk;
        _held.RemoveAt(index);
        return trunk;
    }

    /// <summary>The slot of <paramref name="from"/> goes to <paramref name="to"/> (a leg that replaced it); false when it held none.</summary>
    public bool Move(TLeg from, TLeg to)
    {
        if (HandOver(from) is not { } trunk) return false;
        Hold(to, trunk);
        return true;
    }

    /// <summary><paramref name="leg"/> ended: its slot is given back (nothing when it held none).</summary>
    public void Release(TLeg leg) => HandOver(leg)?.ReleaseCall();

    /// <summary>A plain loop: this runs for every leg that ends, and a lambda would allocate its closure each time.</summary>
    private int IndexOf(TLeg leg)
    {
        for (var i = 0; i < _held.Count; i++)
        {
            if (_held[i].Leg == leg) return i;
        }

        return -1;
    }

    /// <summary>The call is released: every slot still held is given back.</summary>
    public void ReleaseAll()
    {
        foreach (var (_, trunk) in _held) trunk.ReleaseCall();
        _held.Clear();
    }
}
