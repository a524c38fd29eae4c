using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoHandhaving.Api.Data.EntityConfigurations;

internal sealed class AdresConfiguration : IEntityTypeConfiguration<Adres>
{
    public void Configure(EntityTypeBuilder<Adres> e)
    {
        e.ToTable("adres");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Punt).HasColumnType("geometry(Point,28992)");
        e.HasIndex(x => new { x.GemeenteId, x.Postcode, x.Huisnummer, x.Huisletter, x.Toevoeging }).IsUnique();
        e.HasIndex(x => x.Punt).HasMethod("gist");
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> e)
    {
        e.ToTable("school");
        e.HasKey(x => new { x.GemeenteId, x.Code });
        e.Property(x => x.Punt).HasColumnType("geometry(Point,28992)");
        e.HasIndex(x => x.Punt).HasMethod("gist");
    }
}

internal sealed class MeldingConfiguration : IEntityTypeConfiguration<Melding>
{
    public void Configure(EntityTypeBuilder<Melding> e)
    {
        e.ToTable("melding");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>();
        e.Property(x => x.Locatie).HasColumnType("geometry(Point,28992)");
        e.HasIndex(x => new { x.GemeenteId, x.Bron, x.ExternId }).IsUnique();
        e.HasIndex(x => new { x.GemeenteId, x.GemeldOp });
        e.HasIndex(x => new { x.GemeenteId, x.WijkCode, x.Status });
        // The briefing's callbacks: per wijk the oldest open meldingen, read in index order and stopped after a few.
        e.HasIndex(x => new { x.GemeenteId, x.WijkCode, x.GemeldOp, x.Id }).HasFilter(MeldingSql.IsOpen).HasDatabaseName("ix_melding_open_per_wijk");
        e.HasIndex(x => x.Locatie).HasMethod("gist");
    }
}

internal sealed class MelderContactConfiguration : IEntityTypeConfiguration<MelderContact>
{
    public void Configure(EntityTypeBuilder<MelderContact> e)
    {
        e.ToTable("melder_contact");
        e.HasKey(x => new { x.GemeenteId, x.MeldingId });
        e.HasOne<Melding>().WithOne().HasForeignKey<MelderContact>(x => new { x.GemeenteId, x.MeldingId })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeldingGebeurtenisConfiguration : IEntityTypeConfiguration<MeldingGebeurtenis>
{
    public void Configure(EntityTypeBuilder<MeldingGebeurtenis> e)
    {
        e.ToTable("melding_gebeurtenis");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>();
        e.HasOne<Melding>().WithMany().HasForeignKey(x => new { x.GemeenteId, x.MeldingId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CategorieConfiguration : IEntityTypeConfiguration<Categorie>
{
    public void Configure(EntityTypeBuilder<Categorie> e)
    {
        e.ToTable("categorie");
        e.HasKey(x => new { x.GemeenteId, x.Code });
    }
}

internal sealed class ContactInzageConfiguration : IEntityTypeConfiguration<ContactInzage>
{
    public void Configure(EntityTypeBuilder<ContactInzage> e)
    {
        e.ToTable("contact_inzage");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Handeling).HasDefaultValue(ContactInzage.Inzien);
        e.HasIndex(x => new { x.GemeenteId, x.MeldingId });
        // The privacy officer's filters: a user's reads in a period.
        e.HasIndex(x => new { x.GemeenteId, x.Door, x.Op });
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> e)
    {
        e.ToTable("api_key");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        // Keys are looked up by (gemeente, hash): the gemeente travels in the key, so the index is distributable by gemeente_id.
        e.HasIndex(x => new { x.GemeenteId, x.Hash }).IsUnique();
    }
}
