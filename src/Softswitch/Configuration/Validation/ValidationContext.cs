using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration.Validation;

/// <summary>Collects problems and warnings for the rules, placing each at its source.</summary>
public sealed class ValidationContext
{
    private readonly ConfigKeyLocator _locator;
    private readonly IConfiguration _configuration;
    private readonly List<ConfigProblem> _problems = [];
    private readonly List<ConfigProblem> _warnings = [];

    /// <summary>Creates a context for one validation run.</summary>
    /// <param name="locator">Finds where each key was written.</param>
    /// <param name="configuration">The configuration being checked.</param>
    /// <param name="baseDirectory">What relative paths (sounds, flows) resolve against: the directory the switch runs in.</param>
    public ValidationContext(ConfigKeyLocator locator, IConfiguration configuration, string? baseDirectory = null)
    {
        _locator = locator;
        _configuration = configuration;
        BaseDirectory = baseDirectory ?? Directory.GetCurrentDirectory();
    }

    /// <summary>Base of relative paths in the configuration (the switch resolves them against its current directory).</summary>
    public string BaseDirectory { get; }

    /// <summary>Errors found so far.</summary>
    public IReadOnlyList<ConfigProblem> Problems => _problems;

    /// <summary>Warnings found so far.</summary>
    public IReadOnlyList<ConfigProblem> Warnings => _warnings;

    /// <summary>Reports a bad value of <paramref name="key"/> (configuration path, e.g. <c>sip:port</c>).</summary>
    public void Error(string key, string message) => _problems.Add(_locator.AtValue(key, message));

    /// <summary>Reports a problem with the key itself.</summary>
    public void ErrorAtKey(string key, string message) => _problems.Add(_locator.AtKey(key, message));

    /// <summary>Reports a warning about the value of <paramref name="key"/>.</summary>
    public void Warning(string key, string message) => _warnings.Add(_locator.AtValue(key, message));

    /// <summary>
    /// The configuration path of the <paramref name="index"/>-th bound item of a list. The binder
    /// packs items in key order, so with sparse indexes (an override adding item 7) the path is
    /// not simply list:index.
    /// </summary>
    public string ItemPath(string listKey, int index)
    {
        var children = _configuration.GetSection(listKey).GetChildren().ToList();
        return index < children.Count ? children[index].Path : ConfigKeys.Combine(listKey, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
