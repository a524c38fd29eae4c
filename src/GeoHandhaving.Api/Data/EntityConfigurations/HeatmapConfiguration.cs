using GeoHandhaving.Api.Heatmap;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoHandhaving.Api.Data.EntityConfigurations;

internal sealed class HeatmapCelKwartierConfiguration : IEntityTypeConfiguration<HeatmapCelKwartier>
{
    /// <summary>The quarter of the week on the Amsterdam clock (the zone's rules are immutable to PostgreSQL, so it may be a stored column).</summary>
    private const string WeekkwartierSql = "((extract(isodow FROM kwartier AT TIME ZONE 'Europe/Amsterdam') - 1) * 96 " +
        "+ extract(hour FROM kwartier AT TIME ZONE 'Europe/Amsterdam') * 4 + extract(minute FROM kwartier AT TIME ZONE 'Europe/Amsterdam') / 15)::smallint";

    public void Configure(EntityTypeBuilder<HeatmapCelKwartier> e)
    {
        e.ToTable("heatmap_cel_kwartier");
        // Time first: a period (van/tot) reads a range of the key, and intake appends at its end.
        e.HasKey(x => new { x.GemeenteId, x.Kwartier, x.I, x.J, x.Categorie, x.BuurtCode });
        // A tile or bbox finds its cells by the GiST index on point(i, j) (migration HeatmapCellen: EF does not model it).
        e.Property(x => x.Weekkwartier).HasComputedColumnSql(WeekkwartierSql, stored: true);
        e.HasIndex(x => new { x.GemeenteId, x.Weekkwartier });
    }
}

internal sealed class HeatmapCelWeekConfiguration : IEntityTypeConfiguration<HeatmapCelWeek>
{
    public void Configure(EntityTypeBuilder<HeatmapCelWeek> e)
    {
        e.ToTable("heatmap_cel_week");
        e.HasKey(x => new { x.GemeenteId, x.Cel, x.Uur, x.Weekdag, x.J, x.I, x.Categorie });
    }
}
