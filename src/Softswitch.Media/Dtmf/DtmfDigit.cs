namespace Softswitch.Media.Dtmf;

/// <summary>
/// One of the sixteen DTMF keys. The numeric values are the RFC 4733 event codes (§3.2),
/// so a telephone-event code 0-15 converts with a plain cast.
/// </summary>
public enum DtmfDigit : byte
{
    /// <summary>Key 0 (event code 0).</summary>
    Zero = 0,
    /// <summary>Key 1.</summary>
    One = 1,
    /// <summary>Key 2.</summary>
    Two = 2,
    /// <summary>Key 3.</summary>
    Three = 3,
    /// <summary>Key 4.</summary>
    Four = 4,
    /// <summary>Key 5.</summary>
    Five = 5,
    /// <summary>Key 6.</summary>
    Six = 6,
    /// <summary>Key 7.</summary>
    Seven = 7,
    /// <summary>Key 8.</summary>
    Eight = 8,
    /// <summary>Key 9.</summary>
    Nine = 9,
    /// <summary>Key * (event code 10).</summary>
    Star = 10,
    /// <summary>Key # (event code 11).</summary>
    Pound = 11,
    /// <summary>Key A (event code 12).</summary>
    A = 12,
    /// <summary>Key B (event code 13).</summary>
    B = 13,
    /// <summary>Key C (event code 14).</summary>
    C = 14,
    /// <summary>Key D (event code 15).</summary>
    D = 15,
}
