namespace Softswitch.Sip.Messages;

/// <summary>Where the components of one via-parm lie in its text.</summary>
internal struct ViaParts
{
    public Range ProtocolName;
    public Range ProtocolVersion;
    public Range Transport;
    public Range Host;
    public int Port;
    public Range Parameters;
}
