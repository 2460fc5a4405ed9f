using Microsoft.Extensions.Configuration;

namespace Softswitch.Configuration;

/// <summary>Conversions between configuration paths (<c>extensions:0:number</c>) and what admins read.</summary>
public static class ConfigKeys
{
    /// <summary>Dotted display form: <c>extensions:0:number</c> becomes <c>extensions[0].number</c>.</summary>
    public static string Display(string key)
    {
        if (key.Length == 0)
        {
            return key;
        }

        var parts = key.Split(ConfigurationPath.KeyDelimiter);
        var text = new System.Text.StringBuilder(parts[0]);
        for (var i = 1; i < parts.Length; i++)
        {
            if (parts[i].Length > 0 && parts[i].All(char.IsAsciiDigit))
            {
                text.Append('[').Append(parts[i]).Append(']');
            }
            else
            {
                text.Append('.').Append(parts[i]);
            }
        }

        return text.ToString();
    }

    /// <summary>Joins path segments with the configuration delimiter.</summary>
    public static string Combine(string? parent, string child) =>
        string.IsNullOrEmpty(parent) ? child : parent + ConfigurationPath.KeyDelimiter + child;

    /// <summary>The key's parent, or null for a top-level key.</summary>
    public static string? Parent(string key)
    {
        var index = key.LastIndexOf(ConfigurationPath.KeyDelimiter, StringComparison.Ordinal);
        return index < 0 ? null : key[..index];
    }
}
