using Softswitch.Ivr.Speech;

namespace Softswitch.Ivr.Tests.Support;

/// <summary>Remembers each text and language and answers a file path named after them.</summary>
public sealed class FakeSpeechSynthesizer : ISpeechSynthesizer
{
    public List<(string Text, string Language)> Requests { get; } = [];

    public Task<string?> SynthesizeAsync(string text, string language, CancellationToken cancellationToken = default)
    {
        Requests.Add((text, language));
        return Task.FromResult<string?>($"/cache/{language}/{Requests.Count}.wav");
    }
}
