using Softswitch.Channels;
using Softswitch.Ivr.Loading;

namespace Softswitch.Ivr.Flows;

/// <summary>A recorded prompt a node plays: <c>sounds/&lt;language&gt;/&lt;name&gt;.wav</c>, in the call's language unless one is given.</summary>
public sealed record PromptReference(string Name, string? Language, SourcePosition Position)
{
    public Prompt ToPrompt() => Prompt.Named(Name, Language);

    public override string ToString() => Language is null ? Name : $"{Name} [{Language}]";
}
