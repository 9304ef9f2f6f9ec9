using System.Text.Json;

namespace KimiPS.Core;

/// <summary>Readers for the Kimi-specific account bodies (reference §2.1, §2.3, §2.4): balance and estimate wrap in <c>data</c>.</summary>
internal static class AccountReaders
{
    public static KimiModel Model(JsonElement e) => new()
    {
        Id = e.String("id") ?? "",
        ContextLength = e.Long("context_length"),
        SupportsImageIn = e.Bool("supports_image_in"),
        SupportsVideoIn = e.Bool("supports_video_in"),
        SupportsReasoning = e.Bool("supports_reasoning"),
        OwnedBy = e.String("owned_by"),
        Created = e.UnixTime("created"),
    };

    public static KimiBalance Balance(JsonElement root, string? currency)
    {
        var data = root.Child("data");
        if (data.ValueKind != JsonValueKind.Object) throw Missing("data", Msg.WhatBalance);
        return new KimiBalance
        {
            AvailableBalance = data.Decimal("available_balance") ?? throw Missing("data.available_balance", Msg.WhatBalance),
            VoucherBalance = data.Decimal("voucher_balance") ?? 0,
            CashBalance = data.Decimal("cash_balance") ?? 0,
            Currency = currency ?? data.String("currency") ?? "",
        };
    }

    public static int TokenCount(JsonElement root) =>
        (int?)root.Child("data").Long("total_tokens") ?? throw Missing("data.total_tokens", Msg.WhatTokenEstimate);

    private static KimiException Missing(string field, string what) =>
        Errors.ProtocolError(Msg.AnswerLacksField.Format(what, field));
}
