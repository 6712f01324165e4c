namespace AuthorizerConformance.Functions.Tests;

/// <summary>The python: bootstrap runs a handler the way the managed Python runtime does (notes/lambda-runtime-api.md §4).</summary>
public sealed class PythonBootstrapTests
{
    [Fact]
    public async Task A_handler_answers_warm_and_its_prints_are_its_log()
    {
        await using var functions = new TestFunctions();
        functions.Write("app.py", """
            import os
            count = 0
            def handler(event, context):
                global count
                count += 1
                print("token", event["authorizationToken"])
                return {"principalId": "user-1", "count": count, "requestId": context.aws_request_id,
                        "remaining": context.get_remaining_time_in_millis(), "env": os.environ["AWS_EXECUTION_ENV"]}
            """);
        var host = functions.Start("python:app.py#handler", poolSize: 1);

        var first = await Invoked.Run(host, """{"authorizationToken":"abc"}""");
        var second = await Invoked.Run(host, """{"authorizationToken":"def"}""");

        Assert.Equal(("user-1", 1, 2), (first.Json.GetProperty("principalId").GetString(), first.Json.GetProperty("count").GetInt32(), second.Json.GetProperty("count").GetInt32()));
        Assert.Equal("AWS_Lambda_python3.11", first.Json.GetProperty("env").GetString());
        Assert.InRange(first.Json.GetProperty("remaining").GetInt64(), 1, 20_000);
        Assert.Equal("token abc", first.Log.Trim());
        Assert.Equal("token def", second.Log.Trim());
    }

    [Fact]
    public async Task A_raised_exception_is_reported_with_its_message_and_class_name()
    {
        await using var functions = new TestFunctions();
        functions.Write("app.py", """
            class AuthError(Exception):
                pass
            def handler(event, context):
                if event.get("custom"):
                    raise AuthError("nope")
                raise Exception("Unauthorized")
            """);
        var host = functions.Start("python:app.py#handler");

        var plain = (await Invoked.Run(host, "{}")).Error;
        var custom = (await Invoked.Run(host, """{"custom":true}""")).Error;

        Assert.Equal(("Unauthorized", "Exception"), (plain.Message, plain.Type));
        Assert.Equal(("nope", "AuthError"), (custom.Message, custom.Type));
    }

    [Theory]
    [InlineData("import missing_module_xyz\ndef handler(e, c): return 1\n", "Runtime.ImportModuleError", "Unable to import module 'app': No module named 'missing_module_xyz'")]
    [InlineData("def handler(e, c) return 1\n", "Runtime.UserCodeSyntaxError", "Syntax error in module 'app'")]
    [InlineData("def other(e, c): return 1\n", "Runtime.HandlerNotFound", "Handler 'handler' missing on module 'app'")]
    [InlineData("raise ValueError('AUTH_TOKEN_SALT is not set')\n", "ValueError", "AUTH_TOKEN_SALT is not set")]
    public async Task An_init_error_keeps_the_Python_runtimes_type(string code, string type, string message)
    {
        await using var functions = new TestFunctions();
        functions.Write("app.py", code);

        var error = (await Invoked.Run(functions.Start("python:app.py#handler"))).Error;

        Assert.Equal(type, error.Type);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sibling_module_of_the_handler_file_can_be_imported()
    {
        await using var functions = new TestFunctions();
        functions.Write("lib/helper.py", "def principal(): return 'from-helper'\n");
        functions.Write("lib/app.py", "import helper\ndef handler(e, c): return helper.principal()\n");

        Assert.Equal("\"from-helper\"", (await Invoked.Run(functions.Start("python:lib/app.py#handler"))).Body);
    }
}
