using GeoHandhaving.Api.Gemeenten;
using GeoHandhaving.Api.Geocoding;
using GeoHandhaving.Api.Heatmap;
using GeoHandhaving.Api.Hotspots;
using GeoHandhaving.Api.Meldingen;
using GeoHandhaving.Api.Security;
using GeoHandhaving.Api.Voorstel;
using GeoHandhaving.Api.Wijken;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace GeoHandhaving.Api.Data;

public class GeoHandhavingDbContext(DbContextOptions<GeoHandhavingDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<Gemeente> Gemeenten => Set<Gemeente>();
    public DbSet<Wijkindeling> Wijkindelingen => Set<Wijkindeling>();
    public DbSet<Wijk> Wijken => Set<Wijk>();
    public DbSet<WijkVersie> WijkVersies => Set<WijkVersie>();
    public DbSet<Buurt> Buurten => Set<Buurt>();
    public DbSet<Boa> Boas => Set<Boa>();
    public DbSet<WijkBoa> WijkBoas => Set<WijkBoa>();
    public DbSet<VoorstelRun> VoorstelRuns => Set<VoorstelRun>();
    public DbSet<Adres> Adressen => Set<Adres>();
    public DbSet<School> Scholen => Set<School>();
    public DbSet<Melding> Meldingen => Set<Melding>();
    public DbSet<MelderContact> MelderContacten => Set<MelderContact>();
    public DbSet<MeldingGebeurtenis> MeldingGebeurtenissen => Set<MeldingGebeurtenis>();
    public DbSet<Categorie> Categorieen => Set<Categorie>();
    public DbSet<ContactInzage> ContactInzages => Set<ContactInzage>();
    public DbSet<HeatmapCelKwartier> HeatmapCellenKwartier => Set<HeatmapCelKwartier>();
    public DbSet<HeatmapCelWeek> HeatmapCellenWeek => Set<HeatmapCelWeek>();
    public DbSet<HotspotRun> HotspotRuns => Set<HotspotRun>();
    public DbSet<Hotspot> Hotspots => Set<Hotspot>();
    public DbSet<Tijdvenster> Tijdvensters => Set<Tijdvenster>();
    public DbSet<SchoolVakantie> SchoolVakanties => Set<SchoolVakantie>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<BrowserSessie> BrowserSessies => Set<BrowserSessie>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasPostgresExtension("unaccent");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(GeoHandhavingDbContext).Assembly);
    }
}
