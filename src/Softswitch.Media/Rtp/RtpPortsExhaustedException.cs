namespace Softswitch.Media.Rtp;

/// <summary>Thrown by <see cref="RtpPortAllocator.Allocate"/> when every port pair of the range is taken.</summary>
public sealed class RtpPortsExhaustedException : InvalidOperationException
{
    /// <summary>Creates the exception for the range <paramref name="portMin"/>..<paramref name="portMax"/>.</summary>
    public RtpPortsExhaustedException(int portMin, int portMax, int pairCount)
        : base($"No free RTP port pair in {portMin}-{portMax}: all {pairCount} pairs are in use by calls or other programs. " +
               "Widen rtp.port_min..rtp.port_max or lower the call load.")
    {
        PortMin = portMin;
        PortMax = portMax;
    }

    /// <summary>First port of the exhausted range.</summary>
    public int PortMin { get; }

    /// <summary>Last port of the exhausted range.</summary>
    public int PortMax { get; }
}
