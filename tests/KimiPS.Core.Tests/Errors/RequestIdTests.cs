using System.Text;
using KimiPS.Core;

namespace KimiPS.Core.Tests.Errors;

/// <summary>One list of request-id headers serves answers and errors alike, so support gets the same id either way.</summary>
public sealed class RequestIdTests
{
    [Theory]
    [InlineData("Msh-Request-Id")]
    [InlineData("x-request-id")]
    [InlineData("x-msh-trace-id")]
    public void Errors_and_answers_read_the_same_headers(string header)
    {
        var body = Encoding.UTF8.GetBytes("""{"error":{"type":"invalid_request_error","message":"bad"}}""");
        using var response = new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
        {
            Content = new ByteArrayContent(body),
        };
        response.Headers.TryAddWithoutValidation(header, "id-123456");

        Assert.Equal("id-123456", KimiHttp.RequestIdOf(response));
        var error = ErrorCatalog.FromResponse(400, KimiHttp.HeadersOf(response), body, null, ErrorContext.Chat);
        Assert.Equal("id-123456", error.RequestId);
    }
}
