global using System.Net;
global using System.Net.Http.Headers;
global using System.Text;
global using System.Text.Json;
global using GosApi.Sandbox;
global using GosApi.Sandbox.Tests.Support;
global using Xunit;
