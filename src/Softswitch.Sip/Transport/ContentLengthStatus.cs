namespace Softswitch.Sip.Transport;

/// <summary>Outcome of looking for Content-Length in a header block.</summary>
internal enum ContentLengthStatus
{
    Found,
    Missing,
    /// <summary>Not a decimal number, or two Content-Length headers that disagree.</summary>
    Invalid,
}
