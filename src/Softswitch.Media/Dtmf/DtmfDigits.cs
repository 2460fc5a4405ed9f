namespace Softswitch.Media.Dtmf;

/// <summary>Conversions between <see cref="DtmfDigit"/>, characters, event codes and tone frequencies.</summary>
public static class DtmfDigits
{
    /// <summary>The low-group (row) frequencies in Hz, top row first.</summary>
    public static ReadOnlySpan<int> RowFrequencies => [697, 770, 852, 941];

    /// <summary>The high-group (column) frequencies in Hz, left column first.</summary>
    public static ReadOnlySpan<int> ColumnFrequencies => [1209, 1336, 1477, 1633];

    // Keypad layout: row-major, so index = row * 4 + column.
    private static ReadOnlySpan<byte> Keypad =>
    [
        (byte)DtmfDigit.One, (byte)DtmfDigit.Two, (byte)DtmfDigit.Three, (byte)DtmfDigit.A,
        (byte)DtmfDigit.Four, (byte)DtmfDigit.Five, (byte)DtmfDigit.Six, (byte)DtmfDigit.B,
        (byte)DtmfDigit.Seven, (byte)DtmfDigit.Eight, (byte)DtmfDigit.Nine, (byte)DtmfDigit.C,
        (byte)DtmfDigit.Star, (byte)DtmfDigit.Zero, (byte)DtmfDigit.Pound, (byte)DtmfDigit.D,
    ];

    /// <summary>The highest event code that is a DTMF digit (15 = D).</summary>
    public const byte MaxEventCode = 15;

    /// <summary>The character printed on the key: '0'-'9', '*', '#', 'A'-'D'.</summary>
    public static char ToChar(this DtmfDigit digit) => digit switch
    {
        <= DtmfDigit.Nine => (char)('0' + (int)digit),
        DtmfDigit.Star => '*',
        DtmfDigit.Pound => '#',
        <= DtmfDigit.D => (char)('A' + (int)digit - (int)DtmfDigit.A),
        _ => '?',
    };

    /// <summary>Maps a key character (letters in either case) to its digit.</summary>
    public static bool TryFromChar(char c, out DtmfDigit digit)
    {
        switch (c)
        {
            case >= '0' and <= '9': digit = (DtmfDigit)(c - '0'); return true;
            case '*': digit = DtmfDigit.Star; return true;
            case '#': digit = DtmfDigit.Pound; return true;
            case >= 'A' and <= 'D': digit = (DtmfDigit)(c - 'A' + (int)DtmfDigit.A); return true;
            case >= 'a' and <= 'd': digit = (DtmfDigit)(c - 'a' + (int)DtmfDigit.A); return true;
            default: digit = default; return false;
        }
    }

    /// <summary>Maps an RFC 4733 event code to a digit; codes above 15 are not DTMF.</summary>
    public static bool TryFromEventCode(int eventCode, out DtmfDigit digit)
    {
        if (eventCode is >= 0 and <= MaxEventCode)
        {
            digit = (DtmfDigit)eventCode;
            return true;
        }
        digit = default;
        return false;
    }

    /// <summary>The digit at a keypad position (row 0-3 = 697..941 Hz, column 0-3 = 1209..1633 Hz).</summary>
    public static DtmfDigit FromKeypad(int row, int column) => (DtmfDigit)Keypad[row * 4 + column];

    /// <summary>The (low, high) tone pair of a digit, in Hz.</summary>
    public static (int Row, int Column) Frequencies(this DtmfDigit digit)
    {
        var index = Keypad.IndexOf((byte)digit);
        return (RowFrequencies[index / 4], ColumnFrequencies[index % 4]);
    }
}
