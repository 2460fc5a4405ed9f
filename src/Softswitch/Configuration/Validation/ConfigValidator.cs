using System.Globalization;
using Microsoft.Extensions.Configuration;
using Softswitch.Configuration.Options;
using Softswitch.Configuration.Yaml;

namespace Softswitch.Configuration.Validation;

/// <summary>
/// Checks a layered configuration in three passes: the file parsed, every key is one the options
/// model knows and its value converts, then the semantic rules on the bound options. Every
/// problem names where the offending value came from.
/// </summary>
public static class ConfigValidator
{
    private static readonly ConfigSchema Schema = ConfigSchema.For(typeof(SoftswitchOptions));

    /// <summary>Validates <paramref name="root"/> and binds it when that is possible.</summary>
    /// <param name="root">The layered configuration.</param>
    /// <param name="baseDirectory">Base of relative paths (sounds, flows); the current directory when null, as the running switch resolves them.</param>
    public static ConfigValidationResult Validate(IConfigurationRoot root, string? baseDirectory = null)
    {
        var yamlProviders = root.Providers.OfType<YamlConfigurationProvider>().ToList();
        var loadErrors = new List<ConfigProblem>();
        foreach (var yaml in yamlProviders)
        {
            if (!yaml.FileExists)
            {
                loadErrors.Add(new ConfigProblem(yaml.DisplayPath, 0, 0, "", "the file does not exist"));
            }
            else if (yaml.LoadError is { } error)
            {
                loadErrors.Add(error);
            }
        }

        if (loadErrors.Count > 0)
        {
            return new ConfigValidationResult(null, loadErrors, []);
        }

        var fallbackFile = yamlProviders.FirstOrDefault()?.DisplayPath ?? "configuration";
        var context = new ValidationContext(new ConfigKeyLocator(root, fallbackFile), root, baseDirectory);
        var convertible = CheckKeys(root, context);
        if (!convertible)
        {
            return new ConfigValidationResult(null, context.Problems, context.Warnings);
        }

        var options = new SoftswitchOptions();
        root.Bind(options);
        OptionRules.Check(options, context);
        return new ConfigValidationResult(options, context.Problems, context.Warnings);
    }

    // Returns false when some value cannot be converted (binding would throw).
    private static bool CheckKeys(IConfiguration root, ValidationContext context)
    {
        var convertible = true;
        var reportedUnknown = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in root.AsEnumerable().OrderBy(pair => pair.Key, StringComparer.OrdinalIgnoreCase))
        {
            var node = Schema;
            var path = "";
            var known = true;
            foreach (var segment in key.Split(ConfigurationPath.KeyDelimiter))
            {
                var parent = node;
                var parentPath = path;
                path = ConfigKeys.Combine(path, segment);
                if (!TryStep(parent, segment, out node))
                {
                    known = false;
                    if (reportedUnknown.Add(path) && !reportedUnknown.Contains(parentPath))
                    {
                        context.ErrorAtKey(path, UnknownKeyMessage(parent, parentPath, segment));
                    }

                    reportedUnknown.Add(path);
                    break;
                }
            }

            if (known && value is not null && !Converts(node, value, out var why))
            {
                context.Error(key, why);
                convertible = false;
            }
        }

        return convertible;
    }

    private static bool TryStep(ConfigSchema parent, string segment, out ConfigSchema child)
    {
        switch (parent.Kind)
        {
            case SchemaKind.Section:
                return parent.TryGetChild(segment, out child);
            case SchemaKind.List when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                child = parent.Element!;
                return true;
            default:
                child = parent;
                return false;
        }
    }

    private static string UnknownKeyMessage(ConfigSchema parent, string parentPath, string segment)
    {
        var where = parentPath.Length == 0 ? "at the top level" : $"in {ConfigKeys.Display(parentPath)}";
        return parent.Kind switch
        {
            SchemaKind.Value => $"{ConfigKeys.Display(parentPath)} takes a single value, not nested keys",
            SchemaKind.List => $"{ConfigKeys.Display(parentPath)} is a list; '{segment}' is not an item",
            _ when parent.Suggest(segment) is { } suggestion => $"unknown key {where} (did you mean '{suggestion}'?)",
            _ => $"unknown key {where} (known: {string.Join(", ", parent.ChildNames.Order(StringComparer.Ordinal))})",
        };
    }

    private static bool Converts(ConfigSchema node, string value, out string why)
    {
        why = "";
        switch (node.Kind)
        {
            case SchemaKind.Section:
                why = $"expected a section with keys ({string.Join(", ", node.ChildNames)}), found the value '{value}'";
                return false;
            case SchemaKind.List:
                why = $"expected a list, found the value '{value}'";
                return false;
        }

        if (node.Type == typeof(int) && !int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
        {
            why = $"'{value}' is not a whole number";
            return false;
        }

        if (node.Type == typeof(bool) && !bool.TryParse(value, out _))
        {
            why = $"'{value}' is not true or false";
            return false;
        }

        return true;
    }
}
