using System.Globalization;

namespace Softswitch.Sip.Messages;

/// <summary>The CSeq header: sequence number and method (RFC 3261 §20.16).</summary>
public sealed record CSeqHeader(uint Number, SipMethod Method, string MethodName)
{
    public CSeqHeader(uint number, SipMethod method) : this(number, method, SipMethods.ToName(method))
    {
    }

    public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + " " + MethodName;
}
