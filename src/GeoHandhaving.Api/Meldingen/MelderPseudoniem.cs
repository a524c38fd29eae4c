using System.Security.Cryptography;
using System.Text;
using GeoHandhaving.Api.Privacy;

namespace GeoHandhaving.Api.Meldingen;

public sealed class MelderPseudoniemOptions
{
    public const string Section = "Privacy";

    /// <summary>The HMAC key of the melder pseudonyms; required in Production (without it a known key would make them guessable).</summary>
    public string? MelderSleutelGeheim { get; set; }
}

/// <summary>
/// The pseudonymous melder key: HMAC-SHA256 of the normalised contact (the e-mail address lower-cased and trimmed, else
/// the phone number's digits with +31 as 0, see <see cref="MelderSleutel"/>) with the configured secret. The same melder
/// gets the same key in every melding, so the hotspot engine can damp repeat reporters; without the secret the key
/// cannot be turned back into a contact. It is stored beside the encrypted contact, cleared with it (AVG erasure,
/// retention) and never sent in a response.
/// </summary>
public sealed class MelderPseudoniem(byte[] geheim)
{
    /// <summary>Outside Production only: a fixed development secret (the demo and the tests).</summary>
    private const string OntwikkelGeheim = "geohandhaving-ontwikkeling-melder-sleutel-niet-voor-productie";

    /// <param name="omgeving">The host environment (API) or DOTNET_ENVIRONMENT / ASPNETCORE_ENVIRONMENT (CLI); unset counts as Production.</param>
    public static MelderPseudoniem Van(string? geheim, string? omgeving)
    {
        if (string.IsNullOrWhiteSpace(geheim))
        {
            if (omgeving is null || omgeving == Environments.Production)
            {
                throw new InvalidOperationException(
                    $"{MelderPseudoniemOptions.Section}:{nameof(MelderPseudoniemOptions.MelderSleutelGeheim)} is not set: " +
                    "Production needs a secret of its own.");
            }
            geheim = OntwikkelGeheim;
        }
        return new MelderPseudoniem(Encoding.UTF8.GetBytes(geheim));
    }

    /// <summary>The key of the melder, or null when the contact has neither a usable e-mail address nor a phone number.</summary>
    public string? Van(MelderGegevens melder)
    {
        var sleutel = MelderSleutel.Van(melder.Email, melder.Telefoon);
        var tekst = sleutel.Email is { } email ? "email:" + email : sleutel.Telefoon is { } telefoon ? "tel:" + telefoon : null;
        return tekst is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(geheim, Encoding.UTF8.GetBytes(tekst)));
    }
}
