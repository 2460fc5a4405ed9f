namespace Softswitch.Calls.Routing;

/// <summary>The extensions calls can ring, as the configuration has them now (the host implements it).</summary>
public interface ICalleeDirectory
{
    /// <summary>The extension <paramref name="number"/>, or null when there is none.</summary>
    CalleeProfile? Find(string number);

    /// <summary>The ring group <paramref name="number"/>, or null when there is none.</summary>
    RingGroupProfile? FindGroup(string number);

    /// <summary>The extensions whose ringing calls <paramref name="number"/> may pick up (*8): its pickup group, itself included.</summary>
    IReadOnlySet<string> PickupGroupOf(string number);
}
