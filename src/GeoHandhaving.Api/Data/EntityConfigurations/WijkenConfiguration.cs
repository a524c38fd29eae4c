using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Voorstel;
using GeoHandhaving.Api.Wijken;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoHandhaving.Api.Data.EntityConfigurations;

internal sealed class GemeenteConfiguration : IEntityTypeConfiguration<Gemeente>
{
    public void Configure(EntityTypeBuilder<Gemeente> e)
    {
        e.ToTable("gemeente");
        e.Property(x => x.Id).HasMaxLength(Gemeente.MaxCodeLength);
        e.Property(x => x.Grens).HasColumnType("geometry(MultiPolygon,28992)");
    }
}

internal sealed class WijkindelingConfiguration : IEntityTypeConfiguration<Wijkindeling>
{
    public void Configure(EntityTypeBuilder<Wijkindeling> e)
    {
        e.ToTable("wijkindeling");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>();
        // At most one active wijkindeling per gemeente, enforced by the database.
        e.HasIndex(x => x.GemeenteId).IsUnique().HasFilter("status = 'Actief'").HasDatabaseName("ux_wijkindeling_actief");
    }
}

internal sealed class VoorstelRunConfiguration : IEntityTypeConfiguration<VoorstelRun>
{
    public void Configure(EntityTypeBuilder<VoorstelRun> e)
    {
        e.ToTable("voorstel_run");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>();
        e.Property(x => x.Verzoek).HasColumnType("jsonb");
        e.Property(x => x.Samenvatting).HasColumnType("jsonb");
    }
}

internal sealed class WijkConfiguration : IEntityTypeConfiguration<Wijk>
{
    public void Configure(EntityTypeBuilder<Wijk> e)
    {
        e.ToTable("wijk");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Geometrie).HasColumnType("geometry(MultiPolygon,28992)");
        e.HasIndex(x => new { x.GemeenteId, x.WijkindelingId, x.Code }).IsUnique();
        e.HasIndex(x => x.Geometrie).HasMethod("gist");
        e.Property(x => x.Versie).IsConcurrencyToken();
    }
}

internal sealed class WijkVersieConfiguration : IEntityTypeConfiguration<WijkVersie>
{
    public void Configure(EntityTypeBuilder<WijkVersie> e)
    {
        e.ToTable("wijk_versie");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Wijziging).HasConversion<string>();
        e.Property(x => x.Geometrie).HasColumnType("geometry(MultiPolygon,28992)");
        e.HasIndex(x => new { x.GemeenteId, x.WijkId, x.Versie }).IsUnique();
        e.HasIndex(x => new { x.GemeenteId, x.WijkindelingId, x.GeldigVan });
        e.HasIndex(x => x.Geometrie).HasMethod("gist");
    }
}

internal sealed class BuurtConfiguration : IEntityTypeConfiguration<Buurt>
{
    public void Configure(EntityTypeBuilder<Buurt> e)
    {
        e.ToTable("buurt");
        e.HasKey(x => new { x.GemeenteId, x.Code });
        e.Property(x => x.Geometrie).HasColumnType("geometry(MultiPolygon,28992)");
        e.HasIndex(x => x.Geometrie).HasMethod("gist");
    }
}

internal sealed class BoaConfiguration : IEntityTypeConfiguration<Boa>
{
    public void Configure(EntityTypeBuilder<Boa> e)
    {
        e.ToTable("boa");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.HasIndex(x => new { x.GemeenteId, x.Code }).IsUnique();
    }
}

internal sealed class WijkBoaConfiguration : IEntityTypeConfiguration<WijkBoa>
{
    public void Configure(EntityTypeBuilder<WijkBoa> e)
    {
        e.ToTable("wijk_boa");
        e.HasKey(x => new { x.GemeenteId, x.WijkindelingId, x.WijkCode, x.BoaId });
        e.HasOne<Wijkindeling>().WithMany().HasForeignKey(x => new { x.GemeenteId, x.WijkindelingId }).OnDelete(DeleteBehavior.Cascade);
    }
}
