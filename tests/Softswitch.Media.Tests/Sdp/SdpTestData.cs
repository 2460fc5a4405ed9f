using Softswitch.Media.Sdp;

namespace Softswitch.Media.Tests.Sdp;

/// <summary>Reads SDP bodies from tests/Softswitch.Media.Tests/TestData/Sdp, found by walking up from the test binaries.</summary>
internal static class SdpTestData
{
    public const string Baresip = "baresip-1.0-offer.sdp";
    public const string Linphone = "linphone-5-offer.sdp";
    public const string SippPcmu = "sipp-uac-pcmu-offer.sdp";
    public const string SippPcapPcma = "sipp-uac-pcap-pcma-offer.sdp";
    public const string Rfc2543Hold = "rfc2543-hold-offer-lf.sdp";

    public static readonly string[] AllFiles = [Baresip, Linphone, SippPcmu, SippPcapPcma, Rfc2543Hold];

    private static readonly Lazy<string> s_root = new(FindRoot);

    public static byte[] Read(string name) => File.ReadAllBytes(Path.Combine(s_root.Value, name));

    /// <summary>Parses a test file, failing the test when it does not parse.</summary>
    public static SessionDescription Parse(string name) => ParseBytes(Read(name));

    /// <summary>Parses text, failing the test when it does not parse.</summary>
    public static SessionDescription ParseText(string text) => ParseBytes(System.Text.Encoding.UTF8.GetBytes(text));

    private static SessionDescription ParseBytes(byte[] bytes)
    {
        var status = SdpParser.TryParse(bytes, out var description, out var error);
        Assert.That(status, Is.EqualTo(SdpParseStatus.Ok), error);
        return description!;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Softswitch.Media.Tests", "TestData", "Sdp");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new DirectoryNotFoundException("TestData/Sdp not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
