namespace KimiPS.Core;

// Messages of live text and Enter-KimiChat: its prompt, replies to slash commands, /help, and the live-text labels
// (see Msg.cs: how the table is organized and how to add a message).
internal static partial class Msg
{
    internal static readonly LocalizedText MeaningIdleTimeout = new(
        "seconds a stream may send nothing (default 120)",
        "流式输出允许无数据的秒数（默认 120）");

    internal static readonly LocalizedText PContentOnlyWithLiveText = new(
        "writes the text as output, and -LiveText Always renders it on the host instead",
        "会把文本写入输出，而 -LiveText Always 会改为在主机上显示文本");

    internal static readonly LocalizedText ContentOnlyWithLiveTextFix = new(
        "Pass one of them: -ContentOnly for [string] output, -LiveText Always for text on the screen.",
        "请二选一：-ContentOnly 输出 [string]，-LiveText Always 在屏幕上显示文本。");

    internal static readonly LocalizedText AnswerCutRaiseMaxTokens = new(
        "The answer was cut at the token limit (finish_reason length); raise -MaxTokens, or add -AutoContinue to continue it.",
        "回答因达到 tokens 上限而被截断（finish_reason length）；请调大 -MaxTokens，或加上 -AutoContinue 续写。");

    internal static readonly LocalizedText HostNotInteractive = new(
        "Enter-KimiChat reads what you type through the host, and this host cannot read a line ({0}).",
        "Enter-KimiChat 通过主机读取你输入的内容，但当前主机无法读取输入（{0}）。");

    internal static readonly LocalizedText HostNotInteractiveFix = new(
        "Run Enter-KimiChat at an interactive prompt; in a script use Invoke-KimiChat -Conversation for each turn.",
        "请在交互式命令行中运行 Enter-KimiChat；在脚本中请对每一轮使用 Invoke-KimiChat -Conversation。");

    internal static readonly LocalizedText HostHasNoWindow = new(
        "it has no window",
        "它没有窗口");

    internal static readonly LocalizedText ChatPrompt = new(
        "you> ",
        "你> ");

    internal static readonly LocalizedText ChatWelcome = new(
        "Chat with {0}. Type /help for commands, /exit to leave.",
        "正在与 {0} 对话。输入 /help 查看命令，输入 /exit 退出。");

    internal static readonly LocalizedText AnswerCancelled = new(
        "[answer cancelled]",
        "[已取消回答]");

    internal static readonly LocalizedText AskAgain = new(
        "Ask again.",
        "请重新提问。");

    internal static readonly LocalizedText ChatAnswerCut = new(
        "The answer was cut at the token limit (finish_reason length); ask it to go on, or /rewind and ask for less.",
        "回答因达到 tokens 上限而被截断（finish_reason length）；请让模型继续，或用 /rewind 撤回后缩小提问范围。");

    internal static readonly LocalizedText ChatModelIs = new(
        "The model is {0}. Give one: /model <id>.",
        "当前模型为 {0}。如需更换，请输入 /model <模型 ID>。");

    internal static readonly LocalizedText ChatModelSet = new(
        "Model: {0}.",
        "模型：{0}。");

    internal static readonly LocalizedText ChatThinkingOn = new(
        "Thinking on.",
        "已开启思考模式。");

    internal static readonly LocalizedText ChatThinkingOff = new(
        "Thinking off.",
        "已关闭思考模式。");

    internal static readonly LocalizedText ChatThinkingUsage = new(
        "Give on or off: /thinking on, /thinking off.",
        "请指定 on 或 off：/thinking on、/thinking off。");

    internal static readonly LocalizedText ChatFileUsage = new(
        "Give the document: /file <path>.",
        "请指定文档：/file <路径>。");

    internal static readonly LocalizedText ChatSaveUsage = new(
        "Give a file: /save <path>.",
        "请指定文件：/save <路径>。");

    /// <summary>{0} prompt, {1} cached, {2} completion, {3} total tokens; {4} answers. Spelled out here, not ChatUsage.ToString(), which stays English (an object's text does not change with the culture).</summary>
    internal static readonly LocalizedText ChatUsageLine = new(
        "Tokens in this session: prompt {0} (cached {1}) + completion {2} = {3} over {4} answer(s).",
        "本次对话使用的 tokens：输入 {0}（缓存 {1}）+ 输出 {2} = {3}，共 {4} 个回答。");

    internal static readonly LocalizedText ChatUnknownCommand = new(
        "/{0} is not a command. Type /help for the list, or //text to send a line that starts with /.",
        "/{0} 不是命令。输入 /help 查看命令列表；如需发送以 / 开头的内容，请输入 //文本。");

    internal static readonly LocalizedText ChatFileAdded = new(
        "Added {0} ({1} characters) to the chat; the upload was deleted.",
        "已将 {0}（{1} 个字符）加入对话；上传的文件已删除。");

    internal static readonly LocalizedText ChatFileNotFound = new(
        "/file: cannot find a file at '{0}'.",
        "/file：找不到文件“{0}”。");

    internal static readonly LocalizedText ChatFileNotFoundFix = new(
        "Check the path; a relative path starts at the current location ($PWD).",
        "请检查路径；相对路径以当前位置（$PWD）为起点。");

    internal static readonly LocalizedText ChatSaved = new(
        "Saved {0} messages to {1}.",
        "已将 {0} 条消息保存到 {1}。");

    internal static readonly LocalizedText ChatRewindUsage = new(
        "Give how many turns to forget: /rewind, /rewind 3.",
        "请指定要撤回的轮数：/rewind、/rewind 3。");

    internal static readonly LocalizedText ChatRewound = new(
        "Forgot {0} turn(s); {1} left.",
        "已撤回 {0} 轮对话，剩余 {1} 轮。");

    internal static readonly LocalizedText HelpModel = new(
        "use another model from the next answer on",
        "从下一个回答起改用另一个模型");

    internal static readonly LocalizedText HelpThinking = new(
        "turn the model's thinking on or off",
        "开启或关闭模型的思考模式");

    internal static readonly LocalizedText HelpFile = new(
        "upload a document, add its text to the chat, delete the upload",
        "上传文档，将其文本加入对话，然后删除上传的文件");

    internal static readonly LocalizedText HelpSave = new(
        "save the conversation (Import-KimiConversation reads it)",
        "保存对话（可用 Import-KimiConversation 读取）");

    internal static readonly LocalizedText HelpRewind = new(
        "forget the last n turns (default 1)",
        "撤回最近 n 轮对话（默认 1）");

    internal static readonly LocalizedText HelpUsage = new(
        "tokens used in this session",
        "本次对话使用的 tokens");

    internal static readonly LocalizedText HelpHelp = new(
        "this list",
        "显示此列表");

    internal static readonly LocalizedText HelpExit = new(
        "leave (Ctrl+C stops the current answer only)",
        "退出（Ctrl+C 只停止当前回答）");

    internal static readonly LocalizedText LiveThinking = new(
        "[thinking] ",
        "[思考] ");

    internal static readonly LocalizedText LiveWebSearch = new(
        "[web search]",
        "[联网搜索]");

    internal static readonly LocalizedText LiveTool = new(
        "[tool {0}]",
        "[工具 {0}]");
}
