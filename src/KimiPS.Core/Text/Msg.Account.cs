namespace KimiPS.Core;

// Messages of Account (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText BaseUriLacksV1 = new(
        "the BaseUri probably lacks the /v1/ API root",
        "BaseUri 可能缺少 /v1/ API 根路径");

    internal static readonly LocalizedText BaseUriNotApiRoot = new(
        "the BaseUri does not look like the root of a Kimi-compatible API",
        "BaseUri 看起来不是兼容 Kimi 的 API 根路径");

    internal static readonly LocalizedText NoModelList = new(
        "{0} has no model list (HTTP 404 for GET models): {1}.",
        "{0} 没有模型列表（GET models 返回 HTTP 404）：{1}。");

    internal static readonly LocalizedText NoModelListFix = new(
        "Pass the API root as -BaseUri: for Kimi it ends in /v1/ (https://api.moonshot.cn/v1/ or https://api.moonshot.ai/v1/); for a gateway, the path it documents.",
        "请用 -BaseUri 提供 API 根路径：Kimi 的根路径以 /v1/ 结尾（https://api.moonshot.cn/v1/ 或 https://api.moonshot.ai/v1/）；网关请使用其文档给出的路径。");

    internal static readonly LocalizedText ModelNotListed = new(
        "The account has no model with the id '{0}'.",
        "账户中没有 ID 为“{0}”的模型。");

    internal static readonly LocalizedText ModelNotListedFix = new(
        "Use one of the ids the account lists ({0}), or a wildcard such as kimi-k2*.",
        "请使用账户列出的模型 ID 之一（{0}），或使用通配符（例如 kimi-k2*）。");

    internal static readonly LocalizedText WhatBalance = new(
        "the balance",
        "余额");

    internal static readonly LocalizedText WhatTokenEstimate = new(
        "the token estimate",
        "tokens 估算");

    internal static readonly LocalizedText AnswerLacksField = new(
        "the answer to {0} has no '{1}' (some gateways do not offer this endpoint)",
        "{0}的响应中没有“{1}”（有些网关不提供此接口）");
}
