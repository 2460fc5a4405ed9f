namespace Softswitch.Sip.Tests.Messages;

/// <summary>Finds files under tests/Softswitch.Sip.Tests/TestData by walking up from the test binaries.</summary>
internal static class TestDataFiles
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string Root => s_root.Value;

    public static string PathOf(string relative) => Path.Combine(Root, relative);

    public static byte[] Read(string relative) => File.ReadAllBytes(PathOf(relative));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "Softswitch.Sip.Tests", "TestData");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
            var local = Path.Combine(dir.FullName, "TestData");
            if (Directory.Exists(Path.Combine(local, "Rfc4475")))
            {
                return local;
            }
        }
        throw new DirectoryNotFoundException("TestData folder not found above " + TestContext.CurrentContext.TestDirectory);
    }
}
