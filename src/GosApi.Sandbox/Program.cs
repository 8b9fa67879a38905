var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "GosApi sandbox");
app.Run();
