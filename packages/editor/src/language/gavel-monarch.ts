/** Syntax highlighting (Monarch) and editing behaviour (comments, brackets, folding) of the gavel language. */

import type { languages } from "monaco-editor/editor";

export const GAVEL_LANGUAGE_ID = "gavel";

export const gavelKeywords = [
  "import", "vote", "scorecard", "input", "let", "require", "criterion", "when", "otherwise", "grade",
  "test", "expect", "of", "and", "or", "not", "quorum", "passes", "max", "min", "one", "error",
  "election", "rating", "levels", "void", "turnout", "elected", "runoff", "where", "proxies", "write_ins",
];
export const gavelTypes = ["count", "number", "ratio", "boolean", "text", "date", "list"];
export const gavelFacts = [
  "entitled", "present", "yes", "no", "abstain", "cast", "score", "outcome",
  "registered", "voters", "ballots", "invalid", "valid", "seats", "round", "votes", "tied",
];
export const gavelConstants = ["true", "false", "passed", "rejected", "no_quorum", "void_ballots", "void_turnout", "complete", "runoff", "incomplete", "tie"];

/** Monarch tokenizer: Unicode identifiers (满意票), exact numbers (2/3, 90%, 0.9), `#` comments. */
export const gavelMonarch: languages.IMonarchLanguage = {
  defaultToken: "",
  unicode: true,
  keywords: gavelKeywords,
  typeKeywords: gavelTypes,
  facts: gavelFacts,
  constants: gavelConstants,
  tokenizer: {
    root: [
      [/#.*$/, "comment"],
      [/"/, "string", "@string"],
      [/\d{4}-\d{2}-\d{2}(?![\d.%])/, "number.date"],
      [/\d+(?:\.\d+)?%/, "number.percent"],
      [/\d+\.\d+/, "number.float"],
      [/\d+/, "number"],
      [
        /[\p{L}_][\p{L}\p{N}_]*/u,
        {
          cases: {
            "@keywords": "keyword",
            "@typeKeywords": "type",
            "@facts": "variable.predefined",
            "@constants": "constant",
            "@default": "identifier",
          },
        },
      ],
      [/[{}()]/, "@brackets"],
      [/>=|<=|!=|[<>=≥≤≠+\-*×/:,]/, "operator"],
      [/[ \t\r\n\u3000]+/, "white"],
    ],
    string: [
      [/[^\\"]+/, "string"],
      [/\\./, "string.escape"],
      [/"/, "string", "@pop"],
    ],
  },
};

/** Comment toggling with `#`, bracket matching and auto-closing, indentation-based folding fallback. */
export const gavelLanguageConfiguration: languages.LanguageConfiguration = {
  comments: { lineComment: "#" },
  brackets: [
    ["{", "}"],
    ["(", ")"],
  ],
  autoClosingPairs: [
    { open: "{", close: "}" },
    { open: "(", close: ")" },
    { open: '"', close: '"', notIn: ["string", "comment"] },
  ],
  surroundingPairs: [
    { open: "{", close: "}" },
    { open: "(", close: ")" },
    { open: '"', close: '"' },
  ],
  wordPattern: /[\p{L}_][\p{L}\p{N}_]*|\d+(?:\.\d+)?%?/u,
  indentationRules: {
    increaseIndentPattern: /\{[^}]*$/,
    decreaseIndentPattern: /^\s*\}/,
  },
  folding: { offSide: false, markers: { start: /^\s*#\s*region\b/, end: /^\s*#\s*endregion\b/ } },
};
