using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace GeoHandhaving.Api.Meldingen;

/// <summary>
/// Encrypts the melder's contact details at rest with ASP.NET Data Protection (keys shared by all API
/// instances through the database), so a database dump or a wrong query never shows them in clear text.
/// </summary>
public sealed class MelderContactBescherming(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("GeoHandhaving.MelderContact.v1");

    public string Versleutel(MelderGegevens melder) => _protector.Protect(JsonSerializer.Serialize(melder));

    public MelderGegevens Ontsleutel(string versleuteld) =>
        JsonSerializer.Deserialize<MelderGegevens>(_protector.Unprotect(versleuteld))!;
}
