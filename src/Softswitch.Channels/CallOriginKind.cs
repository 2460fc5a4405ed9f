namespace Softswitch.Channels;

public enum CallOriginKind
{
    Extension,
    Trunk,

    /// <summary>A call the switch placed itself (<see cref="ICallOriginator"/>): the origin's name says who asked.</summary>
    Switch,
}
