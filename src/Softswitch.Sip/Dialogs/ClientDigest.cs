using System.Security.Cryptography;
using System.Text;
using Softswitch.Sip.Auth;
using Softswitch.Sip.Messages;

namespace Softswitch.Sip.Dialogs;

/// <summary>
/// The client half of digest authentication (RFC 3261 §22.2/§22.3, RFC 7616 §3.4, RFC 8760): reads the challenges of
/// a 401 (WWW-Authenticate) or 407 (Proxy-Authenticate), takes the first whose algorithm we compute, and writes the
/// matching Authorization or Proxy-Authorization value (qop=auth when offered, nc 00000001, a random cnonce).
/// </summary>
public static class ClientDigest
{
    /// <summary>The Authorization (401) or Proxy-Authorization (407) header answering <paramref name="challenge"/>; false when no challenge is usable.</summary>
    public static bool TryAnswer(SipResponse challenge, string method, string uri, DigestLogin login,
        out KeyValuePair<string, string> authorization)
    {
        authorization = default;
        var proxy = challenge.StatusCode == 407;
        foreach (var value in challenge.GetHeaderValues(proxy ? "Proxy-Authenticate" : "WWW-Authenticate"))
        {
            if (!TryRead(value, out var realm, out var nonce, out var algorithm, out var opaque, out var offersAuth)) continue;
            var qop = offersAuth ? "auth" : null;
            var cnonce = qop is null && !algorithm.IsSession() ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var nonceCount = qop is null ? null : "00000001";
            var response = DigestCalculator.ComputeResponse(algorithm, login.Username, realm, login.Password, method, uri, nonce, qop, nonceCount, cnonce);
            var text = new StringBuilder("Digest ");
            text.Append("username=").Append(Quote(login.Username))
                .Append(", realm=").Append(Quote(realm))
                .Append(", nonce=").Append(Quote(nonce))
                .Append(", uri=").Append(Quote(uri))
                .Append(", response=").Append(Quote(response))
                .Append(", algorithm=").Append(algorithm.ToToken());
            if (cnonce is not null) text.Append(", cnonce=").Append(Quote(cnonce));
            if (opaque is not null) text.Append(", opaque=").Append(Quote(opaque));
            if (qop is not null) text.Append(", qop=").Append(qop).Append(", nc=").Append(nonceCount);
            authorization = new(proxy ? "Proxy-Authorization" : "Authorization", text.ToString());
            return true;
        }

        return false;
    }

    /// <summary>One Digest challenge; false for other schemes, broken syntax, no realm or nonce, or an unknown algorithm.</summary>
    private static bool TryRead(string value, out string realm, out string nonce, out DigestAlgorithm algorithm,
        out string? opaque, out bool offersAuth)
    {
        realm = nonce = string.Empty;
        algorithm = DigestAlgorithm.Md5; // RFC 7616 §3.3: absent means MD5
        opaque = null;
        offersAuth = false;
        string? foundRealm = null, foundNonce = null;
        var reader = new AuthParamReader(value);
        reader.SkipWhitespace();
        if (!reader.TryReadToken(out var scheme) || !scheme.Equals("Digest", StringComparison.OrdinalIgnoreCase)) return false;
        while (reader.TryReadParameter(out var name, out var parameter))
        {
            if (name.Equals("realm", StringComparison.OrdinalIgnoreCase)) foundRealm = parameter;
            else if (name.Equals("nonce", StringComparison.OrdinalIgnoreCase)) foundNonce = parameter;
            else if (name.Equals("opaque", StringComparison.OrdinalIgnoreCase)) opaque = parameter;
            else if (name.Equals("algorithm", StringComparison.OrdinalIgnoreCase) && !DigestAlgorithmNames.TryParse(parameter, out algorithm)) return false;
            else if (name.Equals("qop", StringComparison.OrdinalIgnoreCase)) offersAuth = OffersAuth(parameter);
        }

        if (reader.Failed || foundRealm is null || foundNonce is null) return false;
        realm = foundRealm;
        nonce = foundNonce;
        return true;
    }

    private static bool OffersAuth(string qopList)
    {
        foreach (var option in qopList.Split(',', StringSplitOptions.TrimEntries))
        {
            if (option.Equals("auth", StringComparison.OrdinalIgnoreCase)) return true;
        }

        return false;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
