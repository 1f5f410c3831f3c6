/**
 * Everything the CLI says to people, in English and Chinese. Machine-read text stays
 * the same in every language: diagnostics (`file:line:col: error CODE message`), the
 * closing `N passed, N failed` line, and the JUnit/JSON/TAP reports.
 */

export type Language = "en" | "zh";

export interface Messages {
  programDescription: string;
  langOption: string;
  calendarOption: string;
  calendarUnreadable: (file: string, reason: string) => string;
  versionOption: string;
  helpOption: string;
  helpCommand: string;
  checkDescription: string;
  checkPathsArgument: string;
  testDescription: string;
  testPathsArgument: string;
  reporterOption: string;
  outputOption: string;
  filterOption: string;
  coverageOption: string;
  fmtDescription: string;
  fmtPathsArgument: string;
  fmtCheckOption: string;
  evalDescription: string;
  evalExitCodes: string;
  evalFileArgument: string;
  ruleOption: string;
  inputOption: string;
  formatOption: string;
  serveDescription: string;
  portOption: string;
  dataOption: string;
  lspDescription: string;
  lspStdioOption: string;
  checkFormatOption: string;
  fmtDiffOption: string;
  watchOption: string;
  configOption: string;
  completionDescription: string;
  completionShellArgument: string;
  exitCodes: string;

  pathNotFound(path: string): string;
  noMatch(pattern: string): string;
  stdinOnce: string;
  configInvalid(file: string, reason: string): string;
  envInvalid(variable: string, value: string, choices: string[]): string;
  watching: string;
  noRuleFiles(paths: string[]): string;
  cannotRead(file: string, reason: string): string;
  checkSummary(files: number, errors: number, warnings: number): string;
  testsInFile(count: number): string;
  failedInFile(count: number): string;
  doesNotCompile: string;
  expected: string;
  actual: string;
  evaluationError: string;
  explanation: string;
  at: string;
  coverageComplete(units: number): string;
  coverageMissing(missing: number, units: number): string;
  boundaryComplete(thresholds: number): string;
  boundaryMissing(missing: number, thresholds: number): string;
  /** "one below", "on", "one above" a threshold. */
  boundaryPosition(position: "below" | "on" | "above"): string;
  reportWritten(reporter: string, file: string): string;
  formatted(file: string): string;
  notFormatted(count: number): string;
  allFormatted(count: number): string;
  cannotFormat(file: string): string;
  fileHasErrors(file: string): string;
  ruleNotFound(rule: string, available: string[]): string;
  ruleRequired(available: string[]): string;
  inputNotJson(reason: string): string;
  inputNotObject: string;
  inputFileNotFound(file: string): string;
  inputInvalid(rule: string): string;
  /** `reason` is the validator's English text, e.g. "must be integer". */
  evaluationFailed(code: string, message: string): string;
  serverUnavailable: string;
  serverFailed(reason: string): string;
  serverListening(url: string): string;
  invalidPort(value: string): string;
  internalError(reason: string): string;
}

const list = (names: string[]): string => (names.length > 0 ? names.join(", ") : "—");

const en: Messages = {
  programDescription: "Check, test, format and evaluate gavel rule files.",
  langOption: "language of messages: en or zh (default: from LANG / LC_ALL)",
  calendarOption: "a working-day calendar JSON file laid over the built-in one (mainland China), e.g. a new year or local holidays; repeatable",
  calendarUnreadable: (file, reason) => `Cannot read the calendar ${file}: ${reason}`,
  versionOption: "print the version",
  helpOption: "show help",
  helpCommand: "show help for a command",
  checkDescription: "Report every diagnostic as file:line:col: error|warning CODE message. Exits 1 on any error.",
  checkPathsArgument: "rule files, folders (searched recursively for *.gavel), glob patterns, or - for standard input",
  testDescription: "Run every test block. The last line is 'N passed, N failed'. Exits 1 on any failure.",
  testPathsArgument: "rule files, folders or glob patterns (default: the current folder, recursively)",
  reporterOption: "report format for CI: junit, json or tap (to stdout, or to --output)",
  outputOption: "write the report to FILE and print the readable summary",
  filterOption: "run only tests whose name contains PATTERN",
  coverageOption: "list clauses, criterion bands and grade bands that no test exercised, and thresholds without a test one below, on and one above them",
  fmtDescription: "Rewrite rule files in canonical form (idempotent).",
  fmtPathsArgument: "rule files, folders, glob patterns, or - (formats standard input to standard output)",
  fmtCheckOption: "do not write; list unformatted files and exit 1 if there are any",
  evalDescription: "Evaluate one rule on one input and print the result JSON or a readable explanation.",
  evalExitCodes:
    "Exit codes: 0 the result was printed; 2 bad input (not JSON, does not match the rule's inputs, unknown rule or file); " +
    "1 the file does not compile or the evaluation fails (e.g. division by zero, present > entitled).",
  evalFileArgument: "the rule file",
  ruleOption: "the rule to evaluate (optional when the file defines exactly one)",
  inputOption: "the input as JSON, @FILE to read it from a JSON file, or - to read it from standard input",
  formatOption: "json (the result JSON) or text (a readable explanation)",
  serveDescription: "Start the HTTP service and the editor on one port.",
  portOption: "port to listen on (default: $PORT or 3000; 0 picks a free one); HOST sets the address",
  dataOption: "folder for the embedded database (default: $GAVEL_DATA or .gavel-data); DATABASE_URL selects PostgreSQL",
  lspDescription: "Start the language server for editors (Language Server Protocol over standard input and output).",
  lspStdioOption: "talk LSP over stdin and stdout (the only transport; editors pass it)",
  checkFormatOption: "text (one file:line:col line per diagnostic) or json (one JSON document; see the README)",
  fmtDiffOption: "do not write; print a unified diff of the changes and exit 1 if there are any",
  watchOption: "run again whenever a rule file changes (stop with Ctrl-C)",
  configOption: "read defaults from FILE instead of the nearest gavel.config.json or .gavelrc.json",
  completionDescription: "Print a completion script for bash, zsh or fish (e.g. source <(gavel completion bash)).",
  completionShellArgument: "bash, zsh or fish",
  exitCodes: "Exit codes: 0 ok; 1 errors, failed tests or unformatted files; 2 usage error, path not found, no files found, bad config, internal error.",

  pathNotFound: (path) => `No such file or folder: ${path}`,
  noMatch: (pattern) => `No files match the pattern ${pattern}.`,
  stdinOnce: "Standard input ('-') can be read only once.",
  configInvalid: (file, reason) => `Invalid config file ${file}: ${reason}`,
  envInvalid: (variable, value, choices) => `${variable}=${value} is not valid; choose one of ${list(choices)}.`,
  watching: "Watching for changes (Ctrl-C to stop)…",
  noRuleFiles: (paths) => `No .gavel files found in ${list(paths)}.`,
  cannotRead: (file, reason) => `Cannot read ${file}: ${reason}`,
  checkSummary: (files, errors, warnings) =>
    `${files} ${files === 1 ? "file" : "files"} checked: ${errors} ${errors === 1 ? "error" : "errors"}, ${warnings} ${warnings === 1 ? "warning" : "warnings"}.`,
  testsInFile: (count) => `${count} ${count === 1 ? "test" : "tests"}`,
  failedInFile: (count) => `${count} failed`,
  doesNotCompile: "does not compile",
  expected: "expected",
  actual: "actual",
  evaluationError: "evaluation error",
  explanation: "explanation",
  at: "at",
  coverageComplete: (units) => `Coverage: all ${units} clause outcomes, criterion bands and grade bands are exercised by a test.`,
  coverageMissing: (missing, units) => `Coverage: ${missing} of ${units} clause outcomes, criterion bands and grade bands are not exercised by any test:`,
  boundaryComplete: (thresholds) => `Boundaries: tests sit one below, on and one above all ${thresholds} thresholds.`,
  boundaryMissing: (missing, thresholds) => `Boundaries: ${missing} of ${thresholds} thresholds lack a test one below, on or one above them:`,
  boundaryPosition: (position) => (position === "below" ? "one below" : position === "on" ? "on it" : "one above"),
  reportWritten: (reporter, file) => `Wrote the ${reporter} report to ${file}.`,
  formatted: (file) => `formatted ${file}`,
  notFormatted: (count) => `${count} ${count === 1 ? "file is" : "files are"} not formatted; run 'gavel fmt' on ${count === 1 ? "it" : "them"}.`,
  allFormatted: (count) => `${count} ${count === 1 ? "file is" : "files are"} formatted.`,
  cannotFormat: (file) => `Cannot format ${file}: it has syntax errors.`,
  fileHasErrors: (file) => `${file} has errors; run 'gavel check ${file}'.`,
  ruleNotFound: (rule, available) => `There is no rule '${rule}' in this file or its imports. Rules: ${list(available)}.`,
  ruleRequired: (available) => `This file has several rules; choose one with --rule NAME. Rules: ${list(available)}.`,
  inputNotJson: (reason) => `The input is not valid JSON: ${reason}`,
  inputNotObject: "The input must be a JSON object, e.g. '{\"entitled\": 30, \"present\": 21, ...}'.",
  inputFileNotFound: (file) => `Cannot read the input file ${file}.`,
  inputInvalid: (rule) => `The input does not match the inputs of '${rule}':`,
  evaluationFailed: (code, message) => `Evaluation failed (${code}): ${message}`,
  serverUnavailable: "The gavel service (@gavel-rules/server) is not available in this installation yet, so 'gavel serve' cannot start.",
  serverFailed: (reason) => `The gavel service failed to start: ${reason}`,
  serverListening: (url) => `gavel is serving on ${url}`,
  invalidPort: (value) => `Not a valid port: ${value} (expected a whole number from 0 to 65535).`,
  internalError: (reason) => `Internal error in gavel: ${reason}`,
};

const zh: Messages = {
  programDescription: "检查、测试、格式化和求值 gavel 规则文件。",
  langOption: "提示语言：en 或 zh（默认取自 LANG / LC_ALL）",
  calendarOption: "叠加在内置日历（中国大陆）之上的工作日日历 JSON 文件，如新的年份或本地假日；可重复使用",
  calendarUnreadable: (file, reason) => `无法读取日历 ${file}：${reason}`,
  versionOption: "显示版本号",
  helpOption: "显示帮助",
  helpCommand: "显示某个命令的帮助",
  checkDescription: "以 file:line:col: error|warning CODE message 的格式报告所有诊断；有错误时退出码为 1。",
  checkPathsArgument: "规则文件、文件夹（递归查找 *.gavel）、通配模式，或用 - 表示标准输入",
  testDescription: "运行所有 test 块；最后一行为 “N passed, N failed”；有失败时退出码为 1。",
  testPathsArgument: "规则文件、文件夹或通配模式（默认：当前文件夹，递归）",
  reporterOption: "供 CI 使用的报告格式：junit、json 或 tap（输出到标准输出或 --output）",
  outputOption: "把报告写入 FILE，并打印可读的摘要",
  filterOption: "只运行名称包含 PATTERN 的测试",
  coverageOption: "列出没有任何测试覆盖的条款、评分档和等级档，以及缺少下方一位、恰好处、上方一位测试的门槛",
  fmtDescription: "把规则文件改写为规范格式（幂等）。",
  fmtPathsArgument: "规则文件、文件夹、通配模式，或用 -（把标准输入格式化后写到标准输出）",
  fmtCheckOption: "不写入文件；列出未格式化的文件，有则退出码为 1",
  evalDescription: "用一份输入对一条规则求值，输出结果 JSON 或可读的解释。",
  evalExitCodes: "退出码：0 已输出结果；2 输入有误（不是 JSON、与规则的输入项不符、规则或文件不存在）；1 文件无法编译或求值失败（例如除以零、实到人数超过应到人数）。",
  evalFileArgument: "规则文件",
  ruleOption: "要求值的规则（文件只定义一条规则时可省略）",
  inputOption: "JSON 格式的输入，用 @FILE 从 JSON 文件读取，或用 - 从标准输入读取",
  formatOption: "json（结果 JSON）或 text（可读的解释）",
  serveDescription: "在同一端口启动 HTTP 服务和编辑器。",
  portOption: "监听端口（默认：$PORT 或 3000；0 表示任选空闲端口）；HOST 设置监听地址",
  dataOption: "内置数据库的文件夹（默认：$GAVEL_DATA 或 .gavel-data）；设置 DATABASE_URL 则使用 PostgreSQL",
  lspDescription: "为编辑器启动语言服务器（通过标准输入输出的 Language Server Protocol）。",
  lspStdioOption: "通过标准输入输出通信（唯一的传输方式；编辑器会传入此参数）",
  checkFormatOption: "text（每条诊断一行 file:line:col）或 json（一个 JSON 文档，见 README）",
  fmtDiffOption: "不写入文件；打印改动的统一差异（unified diff），有改动则退出码为 1",
  watchOption: "规则文件有改动时重新运行（按 Ctrl-C 停止）",
  configOption: "从 FILE 读取默认设置，而不是最近的 gavel.config.json 或 .gavelrc.json",
  completionDescription: "打印 bash、zsh 或 fish 的命令补全脚本（例如 source <(gavel completion bash)）。",
  completionShellArgument: "bash、zsh 或 fish",
  exitCodes: "退出码：0 正常；1 有错误、测试失败或文件未格式化；2 用法错误、路径不存在、没有找到文件、配置有误、内部错误。",

  pathNotFound: (path) => `找不到文件或文件夹：${path}`,
  noMatch: (pattern) => `没有文件匹配模式 ${pattern}。`,
  stdinOnce: "标准输入（“-”）只能读取一次。",
  configInvalid: (file, reason) => `配置文件 ${file} 无效：${reason}`,
  envInvalid: (variable, value, choices) => `${variable}=${value} 无效；可选值：${list(choices)}。`,
  watching: "正在监视改动（按 Ctrl-C 停止）……",
  noRuleFiles: (paths) => `在 ${list(paths)} 中没有找到 .gavel 文件。`,
  cannotRead: (file, reason) => `无法读取 ${file}：${reason}`,
  checkSummary: (files, errors, warnings) => `已检查 ${files} 个文件：${errors} 个错误，${warnings} 个警告。`,
  testsInFile: (count) => `${count} 个测试`,
  failedInFile: (count) => `${count} 个失败`,
  doesNotCompile: "无法编译",
  expected: "期望",
  actual: "实际",
  evaluationError: "求值错误",
  explanation: "解释",
  at: "位置",
  coverageComplete: (units) => `覆盖率：全部 ${units} 个条款结果、评分档和等级档都有测试覆盖。`,
  coverageMissing: (missing, units) => `覆盖率：${units} 个条款结果、评分档和等级档中有 ${missing} 个没有任何测试覆盖：`,
  boundaryComplete: (thresholds) => `边界：全部 ${thresholds} 个门槛的下方一位、恰好处和上方一位都有测试。`,
  boundaryMissing: (missing, thresholds) => `边界：${thresholds} 个门槛中有 ${missing} 个缺少下方一位、恰好处或上方一位的测试：`,
  boundaryPosition: (position) => (position === "below" ? "下方一位" : position === "on" ? "恰好处" : "上方一位"),
  reportWritten: (reporter, file) => `已将 ${reporter} 报告写入 ${file}。`,
  formatted: (file) => `已格式化 ${file}`,
  notFormatted: (count) => `有 ${count} 个文件未格式化；请运行 “gavel fmt”。`,
  allFormatted: (count) => `${count} 个文件均已格式化。`,
  cannotFormat: (file) => `无法格式化 ${file}：文件有语法错误。`,
  fileHasErrors: (file) => `${file} 有错误；请运行 “gavel check ${file}”。`,
  ruleNotFound: (rule, available) => `此文件及其导入中没有规则 “${rule}”。现有规则：${list(available)}。`,
  ruleRequired: (available) => `此文件有多条规则，请用 --rule NAME 指定一条。现有规则：${list(available)}。`,
  inputNotJson: (reason) => `输入不是有效的 JSON：${reason}`,
  inputNotObject: "输入必须是 JSON 对象，例如 '{\"entitled\": 30, \"present\": 21, ...}'。",
  inputFileNotFound: (file) => `无法读取输入文件 ${file}。`,
  inputInvalid: (rule) => `输入与规则 “${rule}” 的输入项不符：`,
  evaluationFailed: (code, message) => `求值失败（${code}）：${message}`,
  serverUnavailable: "当前安装中还没有 gavel 服务（@gavel-rules/server），无法启动 “gavel serve”。",
  serverFailed: (reason) => `gavel 服务启动失败：${reason}`,
  serverListening: (url) => `gavel 服务地址：${url}`,
  invalidPort: (value) => `端口无效：${value}（应为 0 到 65535 的整数）。`,
  internalError: (reason) => `gavel 内部错误：${reason}`,
};

/** The messages of a language. */
export function messagesFor(language: Language): Messages {
  return language === "zh" ? zh : en;
}

/**
 * The language of a run: `--lang X` / `--lang=X` in argv, else GAVEL_LANG, else the config file's `lang`,
 * else the locale (LC_ALL, LC_MESSAGES, LANG), else English.
 */
export function chooseLanguage(argv: readonly string[], env: Record<string, string | undefined>, configured?: Language): Language {
  const fromText = (value: string): Language => (value.toLowerCase().startsWith("zh") ? "zh" : "en");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "--") break;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice("--lang=".length) : undefined;
    if (value !== undefined) return fromText(value);
  }
  if (env.GAVEL_LANG) return fromText(env.GAVEL_LANG);
  if (configured !== undefined) return configured;
  // POSIX precedence: LC_ALL overrides LC_MESSAGES, which overrides LANG.
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return fromText(locale);
}
