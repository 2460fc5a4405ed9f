using Softswitch.Interop.Tests.Support;

namespace Softswitch.Interop.Tests.Ivr;

/// <summary>
/// The repository's demo flows copied to a temporary folder, with the office calendar open all week: the tests run at
/// any hour, and a test may edit its copy while the switch watches it.
/// </summary>
internal static class DemoFlowFolder
{
    public static string CopyOpenAllWeek()
    {
        var source = Path.Combine(Path.GetDirectoryName(SoftswitchProcess.RepositorySounds)!, "ivr-flows");
        var folder = Directory.CreateTempSubdirectory("ivr-flows-").FullName;
        foreach (var file in Directory.GetFiles(source)) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.WriteAllText(Path.Combine(folder, "calendars.yaml"), """
            calendars:
              office:
                time_zone: Asia/Kuala_Lumpur
                hours:
                  mon-sun: 00:00-24:00
            """);
        return folder;
    }
}
