namespace KimiPS.Core;

// Messages of Client (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText WhatModelList = new(
        "the model list",
        "模型列表");

    internal static readonly LocalizedText TestConnected = new(
        "Connected to {0} in {1:0} ms",
        "已连接到 {0}，耗时 {1:0} ms");

    internal static readonly LocalizedText TestBalance = new(
        "; available balance {0}.",
        "；可用余额 {0}。");

    internal static readonly LocalizedText TestKeyElsewhere = new(
        "The key was rejected by {0}, but it belongs to the {1} platform: connect with -Region {2}.",
        "{0} 拒绝了该 API Key，但它属于 {1} 平台：请使用 -Region {2} 连接。");

    internal static readonly LocalizedText TestKeyRejected = new(
        "The key was rejected by {0}: {1}",
        "{0} 拒绝了该 API Key：{1}");

    internal static readonly LocalizedText PNotNegative = new(
        "must not be negative",
        "不能为负数");

    internal static readonly LocalizedText RetriesFix = new(
        "Use 0 to disable retries.",
        "设为 0 可关闭重试。");

    internal static readonly LocalizedText PMustBePositive = new(
        "must be positive",
        "必须为正数");

    internal static readonly LocalizedText EventBytesFix = new(
        "Leave it at its default of 8 MiB unless a server sends larger events.",
        "除非服务器会发送更大的事件，否则请保持默认值 8 MiB。");

    internal static readonly LocalizedText PNotTimeLimit = new(
        "is {0}, which is not a usable time limit",
        "为 {0}，不是可用的时间限制");

    internal static readonly LocalizedText TimeLimitFix = new(
        "Use a positive time span up to 24 days, or Timeout.InfiniteTimeSpan for no limit.",
        "请使用不超过 24 天的正时间间隔，或用 Timeout.InfiniteTimeSpan 表示不限制。");

    internal static readonly LocalizedText WhatUpload = new(
        "the upload",
        "上传");

    internal static readonly LocalizedText WhatFileList = new(
        "the file list",
        "文件列表");

    internal static readonly LocalizedText WhatFile = new(
        "the file",
        "文件");

    internal static readonly LocalizedText PIsNumber = new(
        "is {0}",
        "为 {0}");

    internal static readonly LocalizedText WhatBatchList = new(
        "the batch list",
        "batch 列表");

    internal static readonly LocalizedText BatchIdFix = new(
        "Give a batch id as returned by CreateBatch or ListBatches.",
        "请提供 CreateBatch 或 ListBatches 返回的 batch ID。");

    internal static readonly LocalizedText WhatBatchRequest = new(
        "the batch request",
        "batch 请求");

    internal static readonly LocalizedText PositiveBytesFix = new(
        "Use a positive number of bytes.",
        "请使用正数的字节数。");

    internal static readonly LocalizedText DownloadTooLarge = new(
        "the content of file {0} is larger than the {1} bytes allowed; it was not read further",
        "文件 {0} 的内容超过了允许的 {1} 字节，未再继续读取");

    internal static readonly LocalizedText DownloadTooLargeFix = new(
        "Check BaseUri (a proxy or gateway may be answering), or pass a larger maxBytes.",
        "请检查 BaseUri（可能是代理或网关在应答），或传入更大的 maxBytes。");
}
