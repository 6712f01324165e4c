using System.Net.Sockets;
using System.Text;
using AuthorizerConformance.Functions.RuntimeApi;

namespace AuthorizerConformance.Functions.Tests;

/// <summary>The Runtime API's HTTP/1.1 server keeps every request within <see cref="RuntimeApiLimits"/> and answers each breach clearly.</summary>
public sealed class RuntimeApiServerTests
{
    private static readonly RuntimeApiLimits Small = RuntimeApiLimits.Default with
    {
        MaxHeaderBytes = 1024, MaxHeaderCount = 8, MaxPayloadBytes = 64, MaxDrainBytes = 1024, RequestReadTimeout = TimeSpan.FromMilliseconds(300), MaxConnections = 2,
    };

    private sealed class Recorder : IRuntimeApiHandler
    {
        public List<RuntimeApiRequest> Requests { get; } = [];

        public List<string> Faults { get; } = [];

        public ValueTask<RuntimeApiResponse> HandleAsync(RuntimeApiRequest request, CancellationToken cancellationToken)
        {
            lock (Requests)
                Requests.Add(request);
            return ValueTask.FromResult(RuntimeApiResponse.Accepted);
        }

        public void OnProtocolFault(RuntimeApiProtocolException fault)
        {
            lock (Faults)
                Faults.Add(fault.Message);
        }
    }

    private static async Task<string> Exchange(RuntimeApiServer server, string request, bool halfClose = true)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var parts = server.Address.Split(':');
        await socket.ConnectAsync(parts[0], int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TestContext.Current.CancellationToken);
        await socket.SendAsync(Encoding.Latin1.GetBytes(request), TestContext.Current.CancellationToken);
        if (halfClose)
            socket.Shutdown(SocketShutdown.Send);
        var reply = new StringBuilder();
        var buffer = new byte[4096];
        int read;
        while ((read = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken)) > 0)
            reply.Append(Encoding.Latin1.GetString(buffer, 0, read));
        return reply.ToString();
    }

    [Fact]
    public async Task Keep_alive_requests_with_sized_and_chunked_bodies_are_read_whole()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server,
            "POST /a HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello" +
            "POST /b HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n" +
            "GET /c HTTP/1.1\r\nConnection: close\r\n\r\n");

        Assert.Equal(3, reply.Split("HTTP/1.1 202 Accepted").Length - 1);
        Assert.Equal(["hello", "abcde", ""], recorder.Requests.Select(r => Encoding.UTF8.GetString(r.Body!)));
        Assert.Equal(["/a", "/b", "/c"], recorder.Requests.Select(r => r.Path));
    }

    [Fact]
    public async Task Expect_100_continue_is_answered_before_the_body()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, "POST /a HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok");

        Assert.StartsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 202 Accepted", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_payload_limit_is_drained_and_handed_on_without_its_bytes()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, $"POST /a HTTP/1.1\r\nContent-Length: 100\r\n\r\n{new string('x', 100)}GET /b HTTP/1.1\r\n\r\n");

        Assert.Equal(2, reply.Split("HTTP/1.1 202").Length - 1);
        Assert.Equal((null, 100L), (recorder.Requests[0].Body, recorder.Requests[0].BodyLength));
    }

    [Theory]
    [InlineData("HELLO\r\n\r\n", "400 Bad Request", "not an HTTP/1.1 request line")]
    [InlineData("GET / HTTP/1.1\r\nno colon here\r\n\r\n", "400 Bad Request", "not an HTTP header field")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", "400 Bad Request", "is not one number")]
    [InlineData("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n", "400 Bad Request", "is not one number")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n", "400 Bad Request", "is not supported")]
    [InlineData("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", "400 Bad Request", "not a chunk size")]
    [InlineData("GET / HTTP/1.1\r\nA: 1\r\nB: 1\r\nC: 1\r\nD: 1\r\nE: 1\r\nF: 1\r\nG: 1\r\nH: 1\r\nI: 1\r\n\r\n", "431 Request Header Fields Too Large", "9 header fields; at most 8")]
    public async Task A_malformed_request_is_answered_with_its_reason_and_the_connection_closes(string request, string status, string reason)
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, request);

        Assert.StartsWith($"HTTP/1.1 {status}\r\n", reply, StringComparison.Ordinal);
        Assert.Contains("Connection: close", reply, StringComparison.Ordinal);
        Assert.Contains(reason, reply, StringComparison.Ordinal);
        Assert.Contains(recorder.Faults, f => f.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(recorder.Requests);
    }

    [Fact]
    public async Task Headers_past_the_size_limit_are_431()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, $"GET / HTTP/1.1\r\nX-Big: {new string('a', 2000)}\r\n\r\n", halfClose: false);

        Assert.StartsWith("HTTP/1.1 431 Request Header Fields Too Large", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_request_that_stalls_half_way_is_408_after_the_read_timeout()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, "POST / HTTP/1.1\r\nContent-Length: 10\r\n\r\nabc", halfClose: false);

        Assert.StartsWith("HTTP/1.1 408 Request Timeout", reply, StringComparison.Ordinal);
        Assert.Contains("did not arrive completely within 0.3 s", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_too_large_to_drain_is_handed_on_and_the_connection_closes()
    {
        var recorder = new Recorder();
        await using var server = new RuntimeApiServer(recorder, Small);

        var reply = await Exchange(server, "POST /a HTTP/1.1\r\nContent-Length: 5000\r\n\r\nxx", halfClose: false);

        Assert.Contains("Connection: close", reply, StringComparison.Ordinal);
        Assert.Equal((null, 5000L), (recorder.Requests.Single().Body, recorder.Requests.Single().BodyLength));
    }
}
