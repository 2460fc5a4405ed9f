using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace Softswitch.Configuration.Yaml;

/// <summary>
/// A YamlDotNet scanner that remembers the last token it produced and the flow collections (<c>[</c>, <c>{</c>) still open,
/// so a syntax error can be placed where the admin made the mistake: YamlDotNet reports some errors where it noticed
/// them, often the line after (a missing colon turns two lines into one scalar; an unclosed bracket swallows the next line).
/// </summary>
internal sealed class TrackingScanner(IScanner inner) : IScanner
{
    private readonly Stack<Token> _openFlows = new();
    private Token? _seen;
    private Token? _lastContent;

    /// <summary>The last token produced before any error token, or null before the first.</summary>
    public Token? LastToken => _lastContent;

    /// <summary>The innermost <c>[</c> or <c>{</c> not closed yet, or null.</summary>
    public Token? OpenFlow => _openFlows.Count > 0 ? _openFlows.Peek() : null;

    public Mark CurrentPosition => inner.CurrentPosition;

    public Token? Current => inner.Current;

    public bool MoveNext() => Observe(inner.MoveNext());

    public bool MoveNextWithoutConsuming() => Observe(inner.MoveNextWithoutConsuming());

    public void ConsumeCurrent() => inner.ConsumeCurrent();

    private bool Observe(bool moved)
    {
        // The parser peeks and then consumes, so the same token can show up twice: count it once.
        if (moved && inner.Current is { } token && !ReferenceEquals(token, _seen))
        {
            _seen = token;
            if (token is not Error) _lastContent = token;
            switch (token)
            {
                case FlowSequenceStart or FlowMappingStart:
                    _openFlows.Push(token);
                    break;
                case FlowSequenceEnd or FlowMappingEnd when _openFlows.Count > 0:
                    _openFlows.Pop();
                    break;
            }
        }
        return moved;
    }
}
