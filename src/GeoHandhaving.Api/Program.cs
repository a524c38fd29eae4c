using GeoHandhaving.Api.Data;
using GeoHandhaving.Api.Jobs;
using GeoHandhaving.Api.Platform;
using GeoHandhaving.Api.Security;

var builder = WebApplication.CreateBuilder(args);
builder.AddGeoHandhavingPlatform();
builder.Services
    .AddGeoHandhavingData(builder.Configuration)
    .AddGeoHandhavingSecurity(builder.Configuration)
    .AddGeoHandhavingJobs(builder.Configuration)
    .AddCapabilities(builder.Configuration);

var app = builder.Build();
app.UseGeoHandhavingPlatform();
app.MapHealthApi();
app.MapApiDocumentation();
app.MapJobsDashboard();
app.MapCapabilities();
app.Run();

public partial class Program;
