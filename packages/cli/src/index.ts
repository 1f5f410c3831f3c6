/** @gavel-rules/cli — the `gavel` command, also usable in-process through runCli. */
export { runCli, createProgram, version } from "./program.ts";
export { processIo, memoryIo, type CliIo } from "./io.ts";
export { chooseLanguage, messagesFor, type Language, type Messages } from "./messages.ts";
export { collectGavelFiles } from "./files.ts";
export { createImportResolver, defaultStdDir } from "./imports.ts";
export { testFiles, type TestOptions, type ReporterName } from "./commands/test.ts";
export { junitReport } from "./reporters/junit.ts";
export { jsonReport } from "./reporters/json.ts";
export { tapReport } from "./reporters/tap.ts";
export { textReport } from "./reporters/text.ts";
export { summaryLine, type TestReport, type FileTestReport } from "./test-report.ts";
export { ExitCode } from "./context.ts";
