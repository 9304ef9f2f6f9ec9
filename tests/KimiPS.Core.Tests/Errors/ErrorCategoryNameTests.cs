using System.Reflection;

namespace KimiPS.Core.Tests.Errors;

/// <summary>
/// Every Category the catalogue can produce names a System.Management.Automation.ErrorCategory value.
/// The list is copied from the docs because the core does not reference SMA; a metadata test
/// against the real enum lives with the module tests.
/// </summary>
public sealed class ErrorCategoryNameTests
{
    private static readonly HashSet<string> ErrorCategoryNames = new(StringComparer.Ordinal)
    {
        "NotSpecified", "OpenError", "CloseError", "DeviceError", "DeadlockDetected", "InvalidArgument",
        "InvalidData", "InvalidOperation", "InvalidResult", "InvalidType", "MetadataError", "NotImplemented",
        "NotInstalled", "ObjectNotFound", "OperationStopped", "OperationTimeout", "SyntaxError", "ParserError",
        "PermissionDenied", "ResourceBusy", "ResourceExists", "ResourceUnavailable", "ReadError", "WriteError",
        "FromStdErr", "SecurityError", "ProtocolError", "ConnectionError", "AuthenticationError",
        "LimitsExceeded", "QuotaExceeded", "NotEnabled",
    };

    [Fact]
    public void The_copied_list_has_all_32_names() => Assert.Equal(32, ErrorCategoryNames.Count);

    [Fact]
    public void Every_catalogue_category_is_an_ErrorCategory_name()
    {
        foreach (var (id, entry) in ErrorTable.Entries)
            Assert.True(ErrorCategoryNames.Contains(entry.Category), $"{id}: '{entry.Category}'");
    }

    [Fact]
    public void Every_KimiErrorCategories_constant_is_an_ErrorCategory_name()
    {
        var names = typeof(KimiErrorCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!).ToList();
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Contains(n, ErrorCategoryNames));
    }

    [Fact]
    public void Client_side_errors_use_valid_categories()
    {
        KimiException[] errors =
        {
            KimiPS.Core.Errors.InvalidParameter("Model", "is empty", "Name a model."),
            KimiPS.Core.Errors.NotConnected(),
            KimiPS.Core.Errors.ConnectionFailed(new Uri("https://api.moonshot.cn/v1/"), new HttpRequestException("x")),
            KimiPS.Core.Errors.RequestTimeout(TimeSpan.FromSeconds(1)),
            KimiPS.Core.Errors.StreamIdleTimeout(TimeSpan.FromSeconds(1)),
            KimiPS.Core.Errors.ProtocolError("x"),
            new KimiStreamInterruptedException("cut", "partial", null),
        };
        Assert.All(errors, e => Assert.Contains(e.Category, ErrorCategoryNames));
    }

    [Fact]
    public void Every_error_id_except_the_client_built_ones_has_a_catalogue_row()
    {
        var ids = typeof(KimiErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (string)f.GetValue(null)!)
            .Except(new[] { KimiErrorIds.NotConnected, KimiErrorIds.InvalidParameter, KimiErrorIds.StreamInterrupted })
            // Built by the module's own checks (ModuleErrors, ErrorMapping), never from an API response.
            .Except(new[]
            {
                KimiErrorIds.UnsupportedInput, KimiErrorIds.ToolConfirmationRequired, KimiErrorIds.InvalidConversationFile,
                KimiErrorIds.PathNotFound, KimiErrorIds.UnexpectedError, KimiErrorIds.PathAlreadyWritten, KimiErrorIds.FileExists,
                KimiErrorIds.FileAccessDenied, KimiErrorIds.FileIOError, KimiErrorIds.HostNotInteractive,
                // Built by the batch join and the saved-connection / secret checks (BatchErrors, ProductionErrors).
                KimiErrorIds.BatchNotFinished, KimiErrorIds.BatchRequestMissing, KimiErrorIds.BatchRequestExpired,
                KimiErrorIds.BatchRequestCancelled, KimiErrorIds.InvalidBatchManifest, KimiErrorIds.BatchWaitTimedOut,
                KimiErrorIds.SecretManagementMissing, KimiErrorIds.SecretUnavailable, KimiErrorIds.SavedConnectionNotFound,
                KimiErrorIds.SavedConnectionsUnusable,
            });
        Assert.All(ids, id => Assert.True(ErrorTable.Entries.ContainsKey(id), id));
    }

    [Fact]
    public void Every_row_has_a_recommended_action_sentence()
    {
        foreach (var (id, entry) in ErrorTable.Entries)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.RecommendedAction), id);
            Assert.EndsWith(".", entry.RecommendedAction);
        }
    }
}
