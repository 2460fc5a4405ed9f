namespace Softswitch.Media.Sdp;

/// <summary>Whose order decides when an offer and our list share several codecs.</summary>
public enum CodecPreference
{
    /// <summary>Our list order wins (the default: we know what our media path does best).</summary>
    Local,
    /// <summary>The offerer's m-line order wins, restricted to codecs we support.</summary>
    Remote,
}
