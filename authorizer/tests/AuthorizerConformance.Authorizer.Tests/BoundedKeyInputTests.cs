using System.Net;

namespace AuthorizerConformance.Authorizer.Tests;

/// <summary>
/// Issue 16, defects 12 and 13: key documents are read within their 1 MiB bound while reading, so an endless
/// AUTH_JWKS_FILE (/dev/zero) or a chunked JWKS body without Content-Length costs at most the bound, and the
/// answer is a clear outcome (a configuration error for the file), never OutOfMemoryException.
/// </summary>
public class BoundedKeyInputTests
{
    private const string JwksUrl = "https://idp.example.com/.well-known/jwks.json";

    [Fact]
    public async Task An_endless_jwks_file_is_a_configuration_error_naming_the_limit()
    {
        using var authorizer = TestAuthorizer.SaltOnly();
        authorizer.Env[EnvironmentVariables.JwksFile] = "/dev/zero";

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint());

        Assert.True(outcome.IsConfigurationError, $"{outcome.ErrorType} {outcome.ErrorMessage}");
        Assert.Contains("larger than", outcome.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_endless_jwks_body_without_content_length_is_read_no_further_than_the_bound()
    {
        using var authorizer = new TestAuthorizer((EnvironmentVariables.JwksUrl, JwksUrl));
        var body = new EndlessStream();
        authorizer.Http.Serve(JwksUrl, () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(body) });

        var outcome = await authorizer.TokenAsync(TestAuthorizer.Mint("RS256"));

        Assert.Null(outcome.Response);
        Assert.InRange(body.Served, 1, (1 << 20) + (1 << 17));
    }

    /// <summary>A body that never ends (no Content-Length: not seekable) and counts what was read.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)' ', offset, count);
            Served += count;
            if (Served > 64L << 20)
                throw new IOException("read 64 MiB of an endless body: the bound was not enforced while reading");
            return count;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
