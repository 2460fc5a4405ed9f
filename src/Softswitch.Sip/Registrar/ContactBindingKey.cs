using System.Text;

namespace Softswitch.Sip.Registrar;

/// <summary>
/// The key that decides whether a Contact in a REGISTER names an existing binding (RFC 3261 §10.3 step 7).
/// With <c>+sip.instance</c> the device identity is the key (RFC 5626 §6: instance-id plus reg-id), so a phone whose
/// NAT mapping changed replaces its binding instead of adding one. Otherwise the key is a canonical form of the URI,
/// a simplification of the §19.1.4 comparison:
/// scheme and host lower-cased; user info kept case-sensitive after %-unescaping; port kept as written
/// (no port is not the same as 5060); of the URI parameters only <c>transport</c>, <c>user</c>, <c>ttl</c>,
/// <c>method</c> and <c>maddr</c> (the ones §19.1.4 says must match) are kept, lower-cased and sorted;
/// other parameters and headers are ignored. Unlike §19.1.4, one of those five present on only one side makes
/// the keys differ.
/// </summary>
public static class ContactBindingKey
{
    private static readonly string[] SignificantParameters = ["maddr", "method", "transport", "ttl", "user"];

    /// <summary>The binding key for a contact.</summary>
    public static string For(string contactUri, string? instanceId, int? regId)
    {
        ArgumentNullException.ThrowIfNull(contactUri);
        if (!string.IsNullOrWhiteSpace(instanceId))
        {
            var instance = instanceId.Trim().Trim('"').Trim('<', '>').ToLowerInvariant();
            return regId is { } id ? $"instance:{instance};reg-id={id}" : $"instance:{instance}";
        }
        return CanonicalUri(contactUri);
    }

    /// <summary>The canonical form of a SIP URI described above; a string that is not a URI is returned trimmed.</summary>
    public static string CanonicalUri(string uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var text = uri.AsSpan().Trim();
        if (text.Length >= 2 && text[0] == '<' && text[^1] == '>')
        {
            text = text[1..^1].Trim();
        }
        var colon = text.IndexOf(':');
        if (colon <= 0)
        {
            return text.ToString();
        }

        var scheme = text[..colon];
        var rest = text[(colon + 1)..];
        var question = rest.IndexOf('?');
        if (question >= 0)
        {
            rest = rest[..question]; // headers do not identify a binding
        }

        // The user part may itself contain ';' (RFC 3261 user-unreserved), so split at '@' first.
        var at = rest.LastIndexOf('@');
        var userInfo = at >= 0 ? rest[..at] : default;
        var hostAndParameters = at >= 0 ? rest[(at + 1)..] : rest;
        var semicolon = hostAndParameters.IndexOf(';');
        var hostPort = semicolon >= 0 ? hostAndParameters[..semicolon] : hostAndParameters;
        var parameters = semicolon >= 0 ? hostAndParameters[(semicolon + 1)..] : default;

        var builder = new StringBuilder(text.Length);
        builder.Append(scheme.ToString().ToLowerInvariant()).Append(':');
        if (at >= 0)
        {
            builder.Append(Uri.UnescapeDataString(userInfo.ToString())).Append('@');
        }
        builder.Append(hostPort.ToString().ToLowerInvariant());
        AppendSignificantParameters(builder, parameters);
        return builder.ToString();
    }

    private static void AppendSignificantParameters(StringBuilder builder, ReadOnlySpan<char> parameters)
    {
        var kept = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var range in parameters.Split(';'))
        {
            var parameter = parameters[range].Trim();
            var equals = parameter.IndexOf('=');
            var name = (equals >= 0 ? parameter[..equals] : parameter).Trim().ToString().ToLowerInvariant();
            if (Array.IndexOf(SignificantParameters, name) >= 0)
            {
                var value = equals >= 0 ? parameter[(equals + 1)..].Trim().ToString().ToLowerInvariant() : string.Empty;
                kept[name] = value;
            }
        }
        foreach (var (name, value) in kept)
        {
            builder.Append(';').Append(name);
            if (value.Length > 0) builder.Append('=').Append(value);
        }
    }
}
