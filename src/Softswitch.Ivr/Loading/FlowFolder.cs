using Softswitch.Ivr.Calendars;
using Softswitch.Ivr.Flows;
using Softswitch.Ivr.Runtime;

namespace Softswitch.Ivr.Loading;

/// <summary>Loads and checks every flow of a folder (and its <c>calendars.yaml</c>), as start-up, reload and <c>flows check</c> do.</summary>
public static class FlowFolder
{
    /// <summary>
    /// Every <c>*.yaml</c> of <paramref name="folder"/> except <c>calendars.yaml</c>; problems name files as
    /// <paramref name="folder"/> is written (a relative folder gives relative file names).
    /// </summary>
    public static FlowFolderResult Load(string folder, FlowServices services)
    {
        var problems = new List<FlowProblem>();
        var calendars = new Dictionary<string, BusinessCalendar>(StringComparer.Ordinal);
        var calendarPath = Path.Combine(folder, CalendarFile.FileName);
        var calendarsBroken = false;
        if (File.Exists(calendarPath))
        {
            var reader = new YamlFileReader(calendarPath);
            using (var text = OpenText(calendarPath, reader))
            {
                if (text is not null) calendars = CalendarFile.Parse(text, reader);
            }

            problems.AddRange(InFileOrder(reader.Problems));
            calendarsBroken = reader.HasErrors;
        }

        var files = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Where(f => Path.GetFileName(f) != CalendarFile.FileName).Order(StringComparer.Ordinal).ToList()
            : [];
        var names = files.Select(f => Path.GetFileNameWithoutExtension(f)).ToHashSet(StringComparer.Ordinal);
        var flows = new Dictionary<string, Flow>(StringComparer.Ordinal);
        var rejected = new List<string>();
        foreach (var file in files)
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var reader = new YamlFileReader(file);
            Flow? flow = null;
            using (var text = OpenText(file, reader))
            {
                if (text is not null) flow = FlowParser.Parse(text, name, reader, calendars, services.DefaultLanguage);
            }

            if (flow is not null) FlowValidator.Validate(flow, services, names, reader);
            problems.AddRange(InFileOrder(reader.Problems));
            if (flow is not null && !reader.HasErrors) flows[name] = flow;
            else rejected.Add(name);
        }

        return new FlowFolderResult(flows, rejected, problems, calendarsBroken);
    }

    private static IEnumerable<FlowProblem> InFileOrder(IEnumerable<FlowProblem> problems) =>
        problems.OrderBy(p => p.Position.Line).ThenBy(p => p.Position.Column);

    private static StreamReader? OpenText(string path, YamlFileReader reader)
    {
        try
        {
            return new StreamReader(path);
        }
        catch (IOException e)
        {
            reader.Error(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}");
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            reader.Error(new SourcePosition(path, 1, 1), $"cannot read the file: {e.Message}");
            return null;
        }
    }
}
