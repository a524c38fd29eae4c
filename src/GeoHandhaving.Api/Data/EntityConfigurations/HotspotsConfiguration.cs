using GeoHandhaving.Api.Hotspots;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoHandhaving.Api.Data.EntityConfigurations;

internal sealed class HotspotRunConfiguration : IEntityTypeConfiguration<HotspotRun>
{
    public void Configure(EntityTypeBuilder<HotspotRun> e)
    {
        e.ToTable("hotspot_run");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Status).HasConversion<string>();
        e.Property(x => x.Parameters).HasColumnType("jsonb");
        e.Property(x => x.Backtest).HasColumnType("jsonb");
        e.HasIndex(x => new { x.GemeenteId, x.Status, x.VoltooidOp });
    }
}

internal sealed class HotspotConfiguration : IEntityTypeConfiguration<Hotspot>
{
    public void Configure(EntityTypeBuilder<Hotspot> e)
    {
        e.ToTable("hotspot");
        e.HasKey(x => new { x.GemeenteId, x.Id });
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.Property(x => x.Geometrie).HasColumnType("geometry(Geometry,28992)");
        e.Property(x => x.Centroide).HasColumnType("geometry(Point,28992)");
        e.HasIndex(x => new { x.GemeenteId, x.RunId, x.Venster });
        e.HasIndex(x => x.Geometrie).HasMethod("gist");
        e.HasOne<HotspotRun>().WithMany().HasForeignKey(x => new { x.GemeenteId, x.RunId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TijdvensterConfiguration : IEntityTypeConfiguration<Tijdvenster>
{
    public void Configure(EntityTypeBuilder<Tijdvenster> e)
    {
        e.ToTable("tijdvenster");
        e.HasKey(x => new { x.GemeenteId, x.Code });
    }
}

internal sealed class SchoolVakantieConfiguration : IEntityTypeConfiguration<SchoolVakantie>
{
    public void Configure(EntityTypeBuilder<SchoolVakantie> e)
    {
        e.ToTable("schoolvakantie");
        e.Property(x => x.Id).UseIdentityAlwaysColumn();
        e.HasIndex(x => new { x.Schooljaar, x.Vakantie, x.Regio }).IsUnique();
    }
}
