using Softswitch.Configuration.Options;

namespace Softswitch.Configuration.Validation;

/// <summary>Rules for each extension's <c>voicemail</c> section and <c>storage.voicemail</c>.</summary>
public static class VoicemailRules
{
    /// <summary>A PIN is keyed on a phone: digits, 4 to 12 of them.</summary>
    public static void Check(SoftswitchOptions options, ValidationContext context)
    {
        if (string.IsNullOrWhiteSpace(options.Storage.Voicemail)) context.Error("storage:voicemail", "voicemail must name a folder");
        for (var i = 0; i < options.Extensions.Count; i++)
        {
            var extension = options.Extensions[i];
            if (extension.Voicemail?.Pin is not { } pin) continue;
            var key = ConfigKeys.Combine(ConfigKeys.Combine(context.ItemPath("extensions", i), "voicemail"), "pin");
            if (pin.Length is < 4 or > 12 || !pin.All(char.IsAsciiDigit))
            {
                context.Error(key, $"extension {extension.Number}'s voicemail pin must be 4-12 digits (it is keyed on a phone)");
            }
            else if (pin.Distinct().Count() == 1 || pin == extension.Number)
            {
                context.Warning(key, $"extension {extension.Number}'s voicemail pin is the first thing anyone would try; choose another");
            }
        }
    }
}
