using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for the <c>extensions</c> list.</summary>
public static class ExtensionRules
{
    /// <summary>Shorter passwords get a warning: digest over UDP lets an attacker try thousands a second.</summary>
    public const int MinimumPasswordLength = 10;

    /// <summary>Digits only, unique, a password each; warns about shipped demo passwords and weak ones (short, or the number itself).</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < options.Extensions.Count; i++)
        {
            var extension = options.Extensions[i];
            var path = context.ItemPath("extensions", i);
            var numberKey = ConfigKeys.Combine(path, "number");
            if (string.IsNullOrWhiteSpace(extension.Number))
            {
                context.Error(numberKey, "number is missing");
            }
            else if (!extension.Number.All(char.IsAsciiDigit))
            {
                context.Error(numberKey, $"'{extension.Number}' must be digits only (it is dialled from a keypad)");
            }
            else if (seen.TryGetValue(extension.Number, out var firstPath))
            {
                context.Error(numberKey, $"{extension.Number} is already used by {ConfigKeys.Display(firstPath)}");
            }
            else
            {
                seen.Add(extension.Number, path);
            }

            var passwordKey = ConfigKeys.Combine(path, "password");
            if (string.IsNullOrEmpty(extension.Password))
            {
                context.Error(passwordKey, $"extension {extension.Number} has no password");
            }
            else if (DemoPasswords.IsDemo(extension.Password))
            {
                context.Warning(passwordKey, $"extension {extension.Number} still uses the shipped demo password; change it before the softswitch is reachable from any network you do not control");
            }
            else if (extension.Password == extension.Number)
            {
                context.Warning(passwordKey, $"extension {extension.Number} uses its own number as password: the first guess of every scanner (svcrack); use at least {MinimumPasswordLength} characters");
            }
            else if (extension.Password.Length < MinimumPasswordLength)
            {
                context.Warning(passwordKey, $"extension {extension.Number} has a password of {extension.Password.Length} characters: a word list finds it in seconds; use at least {MinimumPasswordLength}");
            }

            CheckCallHandling(options, extension, path, context);
        }
    }

    /// <summary>Ring time in range; forwards name another extension (not itself).</summary>
    private static void CheckCallHandling(SoftswitchOptions options, ExtensionOptions extension, string path, ValidationContext context)
    {
        if (extension.Permission is not ("internal" or "national" or "international"))
        {
            context.Error(ConfigKeys.Combine(path, "permission"), $"'{extension.Permission}' is not a permission (internal, national or international)");
        }

        if (!string.IsNullOrEmpty(extension.CallerId) && !TrunkRules.IsNumber(extension.CallerId))
        {
            context.Error(ConfigKeys.Combine(path, "caller_id"), $"'{extension.CallerId}' is not a number (digits, optional leading +)");
        }

        if (extension.RingSeconds is < 1 or > 600)
        {
            context.Error(ConfigKeys.Combine(path, "ring_seconds"), $"ring_seconds must be 1-600 (got {extension.RingSeconds})");
        }

        foreach (var (key, target) in new[]
                 {
                     ("forward_always", extension.ForwardAlways), ("forward_busy", extension.ForwardBusy), ("forward_no_answer", extension.ForwardNoAnswer),
                 })
        {
            if (string.IsNullOrEmpty(target)) continue;
            if (target == extension.Number)
            {
                context.Error(ConfigKeys.Combine(path, key), $"extension {extension.Number} cannot forward to itself");
            }
            else if (!options.Extensions.Any(other => other.Number == target))
            {
                context.Error(ConfigKeys.Combine(path, key), $"{key} {target} is not defined under extensions");
            }
        }
    }
}
