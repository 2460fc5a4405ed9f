using System.Globalization;
using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>Says every value digit by digit (<c>digits/1</c>, <c>digits/2</c>…), money with a <c>currency</c> prompt; speaks en, ms, id.</summary>
public sealed class FakeNumberSpeaker : INumberSpeaker
{
    public static readonly string[] Names = [.. Enumerable.Range(0, 10).Select(d => $"digits/{d}"), "currency"];

    public bool Speaks(string language) => language is "en" or "ms" or "id";

    public bool TrySay(SayKind kind, string value, string language, out IReadOnlyList<string> prompts, out string? error)
    {
        prompts = [];
        error = null;
        if (kind == SayKind.Money && !decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
        {
            error = $"'{value}' is not an amount";
            return false;
        }

        var names = value.Where(char.IsAsciiDigit).Select(d => $"digits/{d}").ToList();
        if (kind == SayKind.Money) names.Add("currency");
        prompts = names;
        return true;
    }

    public IReadOnlyCollection<string> PromptNames(string language) => Names;
}
