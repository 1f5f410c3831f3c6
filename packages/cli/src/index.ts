/** @gavel-rules/cli — the `gavel` command, also usable in-process through runCli. */
export { runCli, createProgram, version } from "./program";
export { processIo, memoryIo, type CliIo } from "./io";
export { chooseLanguage, messagesFor, type Language, type Messages } from "./messages";
export { collectGavelFiles } from "./files";
export { createImportResolver, defaultStdDir } from "./imports";
export { testFiles, type TestOptions, type ReporterName } from "./commands/test";
export { junitReport } from "./reporters/junit";
export { jsonReport } from "./reporters/json";
export { tapReport } from "./reporters/tap";
export { textReport } from "./reporters/text";
export { summaryLine, type TestReport, type FileTestReport } from "./test-report";
export { ExitCode } from "./context";
