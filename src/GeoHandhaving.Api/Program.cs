var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
var app = builder.Build();
app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).WithName("Health");
app.Run();

public partial class Program;
