using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace GeoHandhaving.Api.Data;

/// <summary>
/// Configuration section "DataProtection". The key ring that encrypts melder contacts lives in the database beside the
/// contacts; with a certificate configured its keys are stored encrypted, so a copy of the database alone decrypts
/// nothing. Every API instance needs the same certificate (PFX file, e.g. mounted from the platform's secret store).
/// </summary>
public sealed class KeyRingProtectionOptions
{
    public const string Section = "DataProtection";
    public string? CertificatePath { get; set; }
    public string? CertificatePassword { get; set; }
}

public static class KeyRingProtection
{
    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var options = configuration.GetSection(KeyRingProtectionOptions.Section).Get<KeyRingProtectionOptions>() ?? new();
        if (string.IsNullOrWhiteSpace(options.CertificatePath)) return builder;
        if (!File.Exists(options.CertificatePath))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{options.CertificatePath}' does not exist.");
        }
        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath, options.CertificatePassword);
        }
        catch (CryptographicException e)
        {
            throw new InvalidOperationException(
                $"DataProtection:CertificatePath '{options.CertificatePath}' is not a PKCS#12 (PFX) file that DataProtection:CertificatePassword opens: " +
                    $"{e.Message}", e);
        }
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath '{options.CertificatePath}' holds no private key; the keys could not be " +
                $"read back.");
        }
        return builder.ProtectKeysWithCertificate(certificate);
    }
}
