namespace KimiPS.Core;

/// <summary>Account balance. Available = cash + voucher; at or below zero, inference is blocked.</summary>
public sealed class KimiBalance
{
    public decimal AvailableBalance { get; internal set; }
    public decimal VoucherBalance { get; internal set; }
    /// <summary>May be negative (debt).</summary>
    public decimal CashBalance { get; internal set; }
    /// <summary>CNY on the China platform, USD on the global one; a gateway's own <c>currency</c> field, else empty.</summary>
    public string Currency { get; internal set; } = "";

    /// <inheritdoc />
    /// <summary>"49.58 CNY"; the amount alone when the currency is unknown (a custom BaseUri cannot tell it).</summary>
    public override string ToString() => string.IsNullOrEmpty(Currency) ? $"{AvailableBalance}" : $"{AvailableBalance} {Currency}";
}
