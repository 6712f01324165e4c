using System.Net;
using System.Text;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>Serves JWKS and discovery documents from memory and counts requests; nothing leaves the process.</summary>
internal sealed class StubHttpHandler : HttpMessageHandler
{
    private readonly Dictionary<string, Func<HttpResponseMessage>> _routes = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    public void Serve(string url, string json) =>
        _routes[url] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    /// <summary>Serves whatever <paramref name="answer"/> builds (a streamed body without Content-Length, say).</summary>
    public void Serve(string url, Func<HttpResponseMessage> answer) => _routes[url] = answer;

    public void Fail(string url, HttpStatusCode status) => _routes[url] = () => new HttpResponseMessage(status);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri!.ToString();
        Requests.Add(url);
        return Task.FromResult(_routes.TryGetValue(url, out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
