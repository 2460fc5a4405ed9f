namespace Softswitch.Channels;

public enum CallOriginKind
{
    Extension,
    Trunk,
}
