/**
 * Everything Monaco: the core, its features (hover, find, folding, palette...), its editor worker, our themes and
 * the gavel language. Loaded with a dynamic import so the workbench's first screen does not wait for ~4 MB of editor.
 */

import "monaco-editor/features/register.all";
import * as monaco from "monaco-editor/editor";
import EditorWorker from "monaco-editor/editor/editor.worker?worker";
import { registerGavelLanguage } from "./language/gavel-language";
export { STD_SCHEME } from "./language/gavel-language";
export { registerLensCommands } from "./language/code-lenses";

self.MonacoEnvironment = { getWorker: () => new EditorWorker() };

monaco.editor.defineTheme("gavel-light", {
  base: "vs",
  inherit: true,
  rules: [
    { token: "variable.predefined", foreground: "795e26" },
    { token: "constant", foreground: "0070c1" },
    { token: "number.percent", foreground: "098658" },
    // Darker than Monaco's #008000 and #919191, so comments and code lenses keep 4.5:1 on a diff's green lines too.
    { token: "comment", foreground: "0b6e0b" },
  ],
  colors: { "editorCodeLens.foreground": "#616161" },
});
monaco.editor.defineTheme("gavel-dark", {
  base: "vs-dark",
  inherit: true,
  rules: [
    { token: "variable.predefined", foreground: "dcdcaa" },
    { token: "constant", foreground: "4fc1ff" },
    { token: "number.percent", foreground: "b5cea8" },
    // Lighter than Monaco's #608b4e (4.2:1 on the editor): 4.5:1 on the background and on a diff's lines too.
    { token: "comment", foreground: "8fbc7c" },
  ],
  colors: {
    "editor.background": "#1e1e1e",
    // Softer than Monaco's greens, so text on a diff's inserted lines keeps 4.5:1 (its comments were at 2.7:1).
    "diffEditor.insertedLineBackground": "#9bb9551a",
    "diffEditor.insertedTextBackground": "#9ccc2c1f",
  },
});

export const analyzer = registerGavelLanguage();
export { monaco };
export * as modelFiles from "./language/model-files";
