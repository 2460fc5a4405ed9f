namespace Softswitch.Sip.Messages;

/// <summary>Anything <see cref="SipMessageWriter"/> can serialise: parsed messages and the builders.</summary>
internal interface ISipRenderable
{
    void Render(ref SipOutput output);
}
