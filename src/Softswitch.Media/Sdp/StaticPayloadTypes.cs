namespace Softswitch.Media.Sdp;

/// <summary>
/// The static payload types of RFC 3551 §6 (Table 4 and 5), which an offer may list without <c>a=rtpmap</c>.
/// </summary>
public static class StaticPayloadTypes
{
    private static readonly MediaFormat?[] s_table = BuildTable();

    /// <summary>The codec a static payload type stands for; false for dynamic or unassigned numbers.</summary>
    public static bool TryGet(int payloadType, out MediaFormat format)
    {
        format = null!;
        if ((uint)payloadType >= (uint)s_table.Length || s_table[payloadType] is not { } known)
        {
            return false;
        }
        format = known;
        return true;
    }

    private static MediaFormat?[] BuildTable()
    {
        var table = new MediaFormat?[35];
        void Add(int pt, string name, int clock, int channels = 1) => table[pt] = new MediaFormat(pt, name, clock, channels);
        Add(0, "PCMU", 8000);
        Add(3, "GSM", 8000);
        Add(4, "G723", 8000);
        Add(5, "DVI4", 8000);
        Add(6, "DVI4", 16000);
        Add(7, "LPC", 8000);
        Add(8, "PCMA", 8000);
        Add(9, "G722", 8000);
        Add(10, "L16", 44100, 2);
        Add(11, "L16", 44100);
        Add(12, "QCELP", 8000);
        Add(13, "CN", 8000);
        Add(14, "MPA", 90000);
        Add(15, "G728", 8000);
        Add(16, "DVI4", 11025);
        Add(17, "DVI4", 22050);
        Add(18, "G729", 8000);
        Add(25, "CelB", 90000);
        Add(26, "JPEG", 90000);
        Add(28, "nv", 90000);
        Add(31, "H261", 90000);
        Add(32, "MPV", 90000);
        Add(33, "MP2T", 90000);
        Add(34, "H263", 90000);
        return table;
    }
}
