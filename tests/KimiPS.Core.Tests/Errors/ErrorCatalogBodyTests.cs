using static KimiPS.Core.Tests.Errors.TestData;

namespace KimiPS.Core.Tests.Errors;

/// <summary>Envelopes, odd bodies, request ids, retry hints and the key, as seen by ErrorCatalog.FromResponse.</summary>
public sealed class ErrorCatalogBodyTests
{
    // Seed 001, verbatim (its example body).
    private const string Seed001ContentFilter = """
        {
            "error": {
                "type": "content_filter",
                "message": "The request was rejected because it was considered high risk"
            }
        }
        """;

    // Seed 003, verbatim (AceData's error example: the callback form with success:false).
    private const string Seed003Gateway = """
        {
          "success": false,
          "error": {
            "code": "api_error",
            "message": "fetch failed"
          },
          "trace_id": "2cf86e86-22a4-46e1-ac2f-032c0f2a4e89"
        }
        """;

    [Fact]
    public void Seed_001_content_filter_body()
    {
        var ex = Response(400, Seed001ContentFilter, headers: Headers(("Msh-Request-Id", "msh-abc-123")));

        Assert.Equal(KimiErrorIds.ContentFiltered, ex.ErrorId);
        Assert.Equal("content_filter", ex.ErrorType);
        Assert.Null(ex.ErrorCode);
        Assert.Equal("msh-abc-123", ex.RequestId);
        Assert.Equal(
            "The request was rejected by the content filter (HTTP 400 content_filter): The request was rejected because it was considered high risk. Request id: msh-abc-123.",
            ex.Message);
        Assert.Equal("Rephrase the input to avoid sensitive content; the model's own output can also trigger the filter, so check the system prompt too.",
            ex.RecommendedAction);
    }

    [Fact]
    public void Seed_003_gateway_body_with_success_false_and_trace_id()
    {
        var ex = Response(500, Seed003Gateway);

        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.True(ex.IsRetryable);
        Assert.Null(ex.ErrorType);
        Assert.Equal("api_error", ex.ErrorCode);
        Assert.Equal("2cf86e86-22a4-46e1-ac2f-032c0f2a4e89", ex.RequestId);
        Assert.Contains("(HTTP 500 api_error): fetch failed.", ex.Message);
        Assert.EndsWith("Request id: 2cf86e86-22a4-46e1-ac2f-032c0f2a4e89.", ex.Message);
    }

    [Fact]
    public void Gateway_sync_form_without_success_field()
    {
        var ex = Response(403, """{"error":{"code":"used_up","message":"Your balance is used up"},"trace_id":"t-1"}""");

        Assert.Equal(KimiErrorIds.QuotaExceeded, ex.ErrorId);
        Assert.Equal("used_up", ex.ErrorCode);
        Assert.Equal("t-1", ex.RequestId);
        Assert.False(ex.IsRetryable);
    }

    [Fact]
    public void Error_as_a_plain_string()
    {
        var ex = Response(502, """{"error":"upstream connect error"}""");

        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.Contains("(HTTP 502): upstream connect error.", ex.Message);
    }

    [Fact]
    public void Html_504_page_is_named_but_never_dumped()
    {
        const string page = "<html>\r\n<head><title>504 Gateway Time-out</title></head>\r\n<body>\r\n<center><h1>504 Gateway Time-out</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
        var ex = Response(504, page);

        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.Contains("HTML page", ex.Message);
        Assert.Contains("HTML page (\"504 Gateway Time-out\") instead of JSON", ex.Message);
        Assert.Contains("-Stream", ex.Message);
        Assert.DoesNotContain("<", ex.Message);
        Assert.DoesNotContain("nginx", ex.Message);
    }

    [Fact]
    public void Empty_body_maps_by_status_and_says_so()
    {
        var ex = Response(503, "");

        Assert.Equal(KimiErrorIds.ServerError, ex.ErrorId);
        Assert.Equal("The server failed (HTTP 503): the response had no body.", ex.Message);
    }

    [Theory]
    [InlineData("{\"error\": {\"type\": \"rate_limit_reached_error\", \"message\": ")]
    [InlineData("{not json at all")]
    [InlineData("[1,2,")]
    [InlineData("\"unterminated")]
    public void Malformed_json_falls_back_to_the_status(string body)
    {
        var ex = Response(429, body);

        Assert.Equal(KimiErrorIds.RateLimitReached, ex.ErrorId);
        Assert.Null(ex.ErrorType);
        Assert.Contains("not valid JSON", ex.Message);
        Assert.DoesNotContain("rate_limit_reached_error", ex.Message);
    }

    [Fact]
    public void Plain_text_body_is_shown_briefly()
    {
        var ex = Response(503, "upstream connect error or disconnect/reset before headers");

        Assert.Contains(": upstream connect error or disconnect/reset before headers.", ex.Message);
    }

    [Fact]
    public void The_key_never_appears_even_when_the_server_echoes_it()
    {
        var body = $$"""{"error":{"type":"invalid_authentication_error","message":"Invalid key {{ApiKey}} for org","code":"{{ApiKey}}"},"trace_id":"{{ApiKey}}"}""";
        var ex = Response(401, body, headers: Headers(("x-request-id", "req " + ApiKey)));

        Assert.DoesNotContain(ApiKey, ex.Message);
        Assert.DoesNotContain(ApiKey, ex.ToString());
        Assert.DoesNotContain(ApiKey, ex.ErrorCode ?? "");
        Assert.DoesNotContain(ApiKey, ex.RequestId ?? "");
        Assert.Contains(Secrets.Mask(ApiKey), ex.Message);
    }

    [Fact]
    public void The_key_is_redacted_before_a_long_message_is_cut()
    {
        // The key straddles the cut: cutting first would leave most of it behind.
        var message = new string('x', ErrorCatalog.MaxServerMessageChars - 10) + ApiKey + new string('y', 500);
        var ex = Response(400, Kimi("invalid_request_error", message));

        // Cutting first would leave "sk-TESTKEY" before the "…", which this catches.
        Assert.DoesNotContain(ApiKey.Substring(0, 8), ex.Message);
    }

    [Fact]
    public void Absurdly_long_messages_are_cut()
    {
        var ex = Response(400, Kimi("invalid_request_error", new string('a', 50_000)));

        Assert.True(ex.Message.Length < ErrorCatalog.MaxServerMessageChars + 200, $"length {ex.Message.Length}");
        Assert.Contains("…", ex.Message);
    }

    [Fact]
    public void Authentication_message_explains_the_platform_pairing()
    {
        var ex = Response(401, Kimi("invalid_authentication_error", "Invalid Authentication"));

        Assert.Contains("platform.moonshot.cn", ex.Message);
        Assert.Contains("api.moonshot.cn", ex.Message);
        Assert.Contains("platform.moonshot.ai", ex.Message);
        Assert.Contains("api.moonshot.ai", ex.Message);
        Assert.Contains("kimi.com", ex.Message);
        Assert.Contains("kimi.ai", ex.Message);
    }

    [Fact]
    public void Model_not_found_points_to_Get_KimiModel()
    {
        var ex = Response(404, Kimi("resource_not_found_error", "Not found the model kimi-k2 or Permission denied"));

        Assert.Equal(KimiErrorIds.ModelNotFound, ex.ErrorId);
        Assert.Contains("Not found the model kimi-k2", ex.Message);
        Assert.Contains("Run Get-KimiModel to list the models your account can use.", ex.Message);
        Assert.Contains("current models include kimi-k2.6", ex.RecommendedAction); // as the retired-model warning says
    }

    [Fact]
    public void Request_id_prefers_Msh_Request_Id_then_x_request_id_then_trace_id()
    {
        var body = Gateway("api_error", "boom");
        Assert.Equal("msh", Response(500, body, headers: Headers(("Msh-Request-Id", "msh"), ("x-request-id", "xr"))).RequestId);
        Assert.Equal("xr", Response(500, body, headers: Headers(("X-Request-Id", "xr"))).RequestId);
        Assert.Equal("9b1d2c3e-0000-4000-8000-000000000001", Response(500, body).RequestId);
    }

    [Fact]
    public void Request_id_lookup_survives_a_case_sensitive_dictionary()
    {
        var headers = new Dictionary<string, string>(StringComparer.Ordinal) { ["msh-request-id"] = "lower" };
        var ex = ErrorCatalog.FromResponse(500, headers, Utf8(""), ApiKey, ErrorContext.Other);

        Assert.Equal("lower", ex.RequestId);
    }

    [Fact]
    public void Request_id_inside_the_message()
    {
        var ex = Response(500, Kimi("server_error", "internal error (request id: 20250101abcdef123)"));

        Assert.Equal("20250101abcdef123", ex.RequestId);
    }

    [Fact]
    public void Retry_hint_from_the_message_lands_in_RetryAfter()
    {
        var ex = Response(429, Kimi("rate_limit_reached_error",
            "Your account org<ak> request reached organization max concurrency: 1, please try again after 3 seconds"));

        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
    }

    [Fact]
    public void Retry_hint_from_headers_lands_in_RetryAfter()
    {
        var ex = Response(429, Kimi("engine_overloaded_error", "The engine is currently overloaded, please try again later"),
            headers: Headers(("Retry-After", "7")));

        Assert.Equal(TimeSpan.FromSeconds(7), ex.RetryAfter);
    }

    [Fact]
    public void No_hint_means_no_RetryAfter()
    {
        Assert.Null(Response(503, "").RetryAfter);
    }
}
