namespace AuthorizerConformance.Functions.Tests;

/// <summary>
/// command: runs any executable that speaks the Runtime API itself, like a custom runtime's <c>bootstrap</c>. Proved
/// with a shell bootstrap that uses curl, and with small node scripts that break the protocol on purpose.
/// </summary>
public sealed class CommandRuntimeTests
{
    private const string CurlBootstrap = """
        #!/bin/sh
        # A custom runtime in a few lines of shell: the Lambda Runtime API with curl.
        set -eu
        api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
        headers="$(mktemp)"
        count=0
        while true; do
          event="$(curl -sS -D "$headers" "$api/invocation/next")"
          header() { grep -i "^$1:" "$headers" | cut -d' ' -f2- | tr -d '\r'; }
          id="$(header Lambda-Runtime-Aws-Request-Id)"
          count=$((count + 1))
          echo "handling $id"
          if [ "$event" = '{"deny":true}' ]; then
            curl -sS -o /dev/null -X POST "$api/invocation/$id/error" -H 'Content-Type: application/vnd.aws.lambda.error+json' \
              -d '{"errorMessage":"Unauthorized","errorType":"AuthError"}'
          else
            curl -sS -o /dev/null -X POST "$api/invocation/$id/response" \
              -d "{\"count\":$count,\"event\":$event,\"deadline\":\"$(header Lambda-Runtime-Deadline-Ms)\",\"arn\":\"$(header Lambda-Runtime-Invoked-Function-Arn)\",\"trace\":\"$(header Lambda-Runtime-Trace-Id)\"}"
          fi
        done
        """;

    [Fact]
    public async Task A_shell_bootstrap_with_curl_is_invoked_warm_with_Lambdas_headers()
    {
        Assert.True(File.Exists("/usr/bin/curl") || File.Exists("/bin/curl"), "curl is needed by this test (.ci/run installs it)");
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", CurlBootstrap);
        var host = functions.Start("command:./bootstrap", poolSize: 1);
        var before = DateTimeOffset.UtcNow;

        var first = await Invoked.Run(host, """{"authorizationToken":"abc"}""");
        var second = await Invoked.Run(host, """{"authorizationToken":"def"}""");

        Assert.Equal((1, "abc"), (first.Json.GetProperty("count").GetInt32(), first.Json.GetProperty("event").GetProperty("authorizationToken").GetString()));
        Assert.Equal((2, "def"), (second.Json.GetProperty("count").GetInt32(), second.Json.GetProperty("event").GetProperty("authorizationToken").GetString()));
        Assert.Equal("arn:aws:lambda:us-east-1:012345678912:function:bootstrap", first.Json.GetProperty("arn").GetString());
        Assert.StartsWith("Root=1-", first.Json.GetProperty("trace").GetString(), StringComparison.Ordinal);
        var deadline = DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(first.Json.GetProperty("deadline").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(deadline, before.AddSeconds(19), before.AddSeconds(60));
        Assert.StartsWith("handling ", first.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_runtimes_error_report_is_passed_on_with_its_message_and_type()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", CurlBootstrap);

        var error = (await Invoked.Run(functions.Start("command:./bootstrap"), """{"deny":true}""")).Error;

        Assert.Equal(("Unauthorized", "AuthError"), (error.Message, error.Type));
    }

    [Fact]
    public async Task Requests_with_a_wrong_id_a_second_answer_or_an_unknown_route_are_refused_as_RIE_does_and_logged()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", """
            #!/bin/sh
            set -eu
            api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
            headers="$(mktemp)"
            curl -sS -D "$headers" -o /dev/null "$api/invocation/next"
            id="$(grep -i '^Lambda-Runtime-Aws-Request-Id:' "$headers" | cut -d' ' -f2 | tr -d '\r')"
            wrong="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$api/invocation/not-$id/response" -d '{}')"
            route="$(curl -sS -o /dev/null -w '%{http_code}' "http://${AWS_LAMBDA_RUNTIME_API}/2015-03-31/functions")"
            curl -sS -o /dev/null -X POST "$api/invocation/$id/response" -d "{\"wrong\":$wrong,\"route\":$route}"
            again="$(curl -sS -w '%{http_code}' -X POST "$api/invocation/$id/response" -d '{}')"
            echo "again $again"
            sleep 60
            """);
        var host = functions.Start("command:./bootstrap", poolSize: 1);

        var invoked = await Invoked.Run(host);

        Assert.Equal("""{"wrong":400,"route":404}""", invoked.Body);
        Assert.Contains("refused with 400: no invocation with this request id is in flight", invoked.Log, StringComparison.Ordinal);
        Assert.Contains("refused with 404", invoked.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_next_while_an_invocation_is_in_flight_gets_the_same_event_again()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", """
            #!/bin/sh
            set -eu
            api="http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime"
            first="$(curl -sS -D - -o /dev/null "$api/invocation/next" | grep -i '^Lambda-Runtime-Aws-Request-Id:' | cut -d' ' -f2 | tr -d '\r')"
            second="$(curl -sS -D - -o /dev/null "$api/invocation/next" | grep -i '^Lambda-Runtime-Aws-Request-Id:' | cut -d' ' -f2 | tr -d '\r')"
            curl -sS -o /dev/null -X POST "$api/invocation/$first/response" -d "\"$([ "$first" = "$second" ] && echo same || echo different)\""
            sleep 60
            """);

        Assert.Equal("\"same\"", (await Invoked.Run(functions.Start("command:./bootstrap"))).Body);
    }

    [Fact]
    public async Task A_request_that_is_not_HTTP_is_answered_400_and_logged()
    {
        await using var functions = new TestFunctions();
        functions.Write("raw.mjs", """
            import http from 'node:http';
            import net from 'node:net';
            const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
            const get = (path) => new Promise((ok, fail) => http.get({ host, port, path }, r => { r.resume(); r.on('end', () => ok(r)); }).on('error', fail));
            const raw = (text) => new Promise((ok) => { let reply = ''; const s = net.connect(port, host, () => s.end(text)); s.on('data', d => reply += d); s.on('close', () => ok(reply)); });
            const next = await get('/2018-06-01/runtime/invocation/next');
            const id = next.headers['lambda-runtime-aws-request-id'];
            const garbage = await raw('HELLO THERE\r\n\r\n');
            const status = garbage.split(' ')[1];
            const post = http.request({ host, port, method: 'POST', path: `/2018-06-01/runtime/invocation/${id}/response` }, r => r.resume());
            post.end(JSON.stringify({ status, closed: garbage.includes('Connection: close') }));
            setInterval(() => {}, 1000);
            """);

        var invoked = await Invoked.Run(functions.Start("command:node raw.mjs"));

        Assert.Equal("""{"status":"400","closed":true}""", invoked.Body);
        Assert.Contains("[runtime-api] malformed request, not an HTTP/1.1 request line: \"HELLO THERE\"", invoked.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_response_cut_short_is_Runtime_TruncatedResponse()
    {
        await using var functions = new TestFunctions();
        functions.Write("raw.mjs", """
            import http from 'node:http';
            import net from 'node:net';
            const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
            http.get({ host, port, path: '/2018-06-01/runtime/invocation/next' }, r => {
              r.resume();
              const id = r.headers['lambda-runtime-aws-request-id'];
              const s = net.connect(port, host, () => s.end(`POST /2018-06-01/runtime/invocation/${id}/response HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{"principalId"`));
            });
            setInterval(() => {}, 1000);
            """);

        var invoked = await Invoked.Run(functions.Start("command:node raw.mjs"));

        Assert.Equal("Runtime.TruncatedResponse", invoked.Error.Type);
        Assert.Contains("the connection closed after 14 of 100 body bytes", invoked.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_init_error_reported_by_a_custom_runtime_is_served_to_the_invocation()
    {
        await using var functions = new TestFunctions();
        functions.Write("bootstrap", """
            #!/bin/sh
            curl -sS -o /dev/null -X POST "http://${AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime/init/error" \
              -H 'Lambda-Runtime-Function-Error-Type: Runtime.ConfigError' -d 'not json at all'
            exit 1
            """);

        var error = (await Invoked.Run(functions.Start("command:./bootstrap"))).Error;

        Assert.Equal(("not json at all", "Runtime.ConfigError"), (error.Message, error.Type));
    }
}
