using GeoHandhaving.Api.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GeoHandhaving.Api.Data.EntityConfigurations;

/// <summary>Browser sessions belong to the platform, not to one gemeente's data: keyed by their random key alone.</summary>
internal sealed class BrowserSessieConfiguration : IEntityTypeConfiguration<BrowserSessie>
{
    public void Configure(EntityTypeBuilder<BrowserSessie> e)
    {
        e.ToTable("browser_sessie");
        e.HasKey(x => x.Sleutel);
        e.HasIndex(x => x.VerlooptOp);
    }
}
