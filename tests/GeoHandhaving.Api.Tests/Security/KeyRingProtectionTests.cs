using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GeoHandhaving.Api.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GeoHandhaving.Api.Tests.Security;

/// <summary>The key ring's own protection, on a file-system ring so the shared test database's ring stays as it is.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string Password = "geheim";
    private const string Email = "a.melder@example.nl";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("geoh-keyring-");

    public void Dispose() => _folder.Delete(recursive: true);

    private string WriteCertificate(bool withPrivateKey)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=GeoHandhaving key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder.FullName, withPrivateKey ? "keyring.pfx" : "public.cer");
        File.WriteAllBytes(path, withPrivateKey ? certificate.Export(X509ContentType.Pfx, Password) : certificate.Export(X509ContentType.Cert));
        return path;
    }

    private (IDataProtector Protector, DirectoryInfo Keys) Build(string? certificatePath)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = certificatePath, ["DataProtection:CertificatePassword"] = Password,
        }).Build();
        var keys = _folder.CreateSubdirectory("keys-" + Guid.NewGuid().ToString("N"));
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("GeoHandhaving").PersistKeysToFileSystem(keys).ProtectKeysFromConfiguration(configuration);
        return (services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>().CreateProtector("test"), keys);
    }

    private static string StoredKey(DirectoryInfo keys) => File.ReadAllText(Assert.Single(keys.GetFiles("key-*.xml")).FullName);

    [Fact]
    public void With_a_certificate_the_stored_keys_are_encrypted_and_contacts_still_decrypt()
    {
        var (protector, keys) = Build(WriteCertificate(withPrivateKey: true));

        Assert.Equal(Email, protector.Unprotect(protector.Protect(Email)));
        var stored = StoredKey(keys);
        Assert.Contains("<encryptedSecret", stored);
        Assert.DoesNotContain("<masterKey", stored);
    }

    [Fact]
    public void Without_a_certificate_the_stored_keys_are_plain_which_is_why_production_sets_one()
    {
        var (protector, keys) = Build(certificatePath: null);

        protector.Protect(Email);
        Assert.Contains("<masterKey", StoredKey(keys));
    }

    [Fact]
    public void A_missing_file_or_a_certificate_without_its_private_key_stops_startup_naming_the_setting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => Build(Path.Combine(_folder.FullName, "nope.pfx")));
        Assert.Contains("DataProtection:CertificatePath", missing.Message);
        var publicOnly = Assert.Throws<InvalidOperationException>(() => Build(WriteCertificate(withPrivateKey: false)));
        Assert.Contains("DataProtection:CertificatePath", publicOnly.Message);
    }
}
