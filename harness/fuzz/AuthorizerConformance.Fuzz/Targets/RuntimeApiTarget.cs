using System.Net;
using System.Net.Sockets;
using AuthorizerConformance.Functions.RuntimeApi;

namespace AuthorizerConformance.Fuzz.Targets;

/// <summary>
/// The Runtime API host's request reader: the input is what a function's runtime sends on one connection (then it
/// closes its side); every request on it is read until the connection ends or a request is refused.
/// </summary>
internal static class RuntimeApiTarget
{
    private const int MaxRequests = 1000;

    private static readonly RuntimeApiLimits Limits = RuntimeApiLimits.Default with
    {
        RequestReadTimeout = TimeSpan.FromSeconds(2),
        MaxHeaderBytes = 4096,
        MaxHeaderCount = 32,
        MaxPayloadBytes = 64 * 1024,
        MaxDrainBytes = 128 * 1024,
    };

    private static readonly Lazy<Socket> Listener = new(() =>
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen(16);
        return socket;
    });

    // One listener serves every call: two calls at once (parallel tests) would accept each other's connections and read
    // the other's input, so calls take turns.
    private static readonly Lock Turn = new();

    public static FuzzVerdict Classify(byte[] input)
    {
        lock (Turn)
            return ClassifyAlone(input);
    }

    private static FuzzVerdict ClassifyAlone(byte[] input)
    {
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(Listener.Value.LocalEndPoint!);
        using var server = Listener.Value.Accept();
        // The runtime's side: everything it sends, then it closes for writing. Answers (100 Continue) are drained below.
        var send = Task.Run(() =>
        {
            try
            {
                client.Send(input);
                client.Shutdown(SocketShutdown.Send);
            }
            catch (SocketException)
            {
                // The host closed the connection on a refused request before all of it was sent, as it may.
            }
        });
        using var connection = new RuntimeApiConnection(server, Limits);
        var requests = new List<string>();
        try
        {
            while (requests.Count < MaxRequests)
            {
                var request = connection.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
                if (request is null)
                    break;
                requests.Add($"{request.Method} {request.Path} ({request.BodyLength} bytes)");
            }
        }
        catch (RuntimeApiProtocolException e)
        {
            return FuzzVerdict.Refused($"{e.Reply?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "closed"}: {e.Message} after {requests.Count} requests");
        }
        finally
        {
            server.Close();
            send.GetAwaiter().GetResult();
        }
        return FuzzVerdict.Accepted(string.Join("; ", requests));
    }
}
