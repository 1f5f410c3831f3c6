/** Reads assessment subjects from CSV: a header row (`id`, optional `name`, then the rule's inputs), values typed by the rule. */

import { parse } from "csv-parse/sync";
import type { CompiledRule, InputInfo } from "@gavel-rules/lang";
import { unprocessable } from "../refusal.ts";

export interface Subject {
  id: string;
  name?: string;
  input: Record<string, unknown>;
}

const TRUE_WORDS = new Set(["true", "yes", "y", "1", "是", "有"]);
const FALSE_WORDS = new Set(["false", "no", "n", "0", "否", "无"]);
const DECIMAL = /^[+-]?\d+(\.\d+)?$/;

/** One cell as the JSON value the rule's input type expects; undefined when it cannot be read as that type. */
export function cellValue(text: string, input: Pick<InputInfo, "type">): unknown {
  const cell = text.trim();
  switch (input.type) {
    case "count":
      return /^\d+$/.test(cell) && Number.isSafeInteger(Number(cell)) ? Number(cell) : undefined;
    case "number":
      return DECIMAL.test(cell) ? Number(cell) : undefined;
    case "ratio": {
      const percent = /^([+-]?\d+(?:\.\d+)?)\s*%$/.exec(cell);
      if (percent) return Number(percent[1]) / 100;
      return DECIMAL.test(cell) ? Number(cell) : undefined;
    }
    case "boolean": {
      const word = cell.toLowerCase();
      return TRUE_WORDS.has(word) ? true : FALSE_WORDS.has(word) ? false : undefined;
    }
    case "text":
      return cell;
    case "date":
      // The ISO day as text: the evaluator refuses one that does not exist (2026-02-30) by name.
      return /^\d{4}-\d{2}-\d{2}$/.test(cell) ? cell : undefined;
    default:
      // A list of records or a tally does not fit a cell: such a rule's subjects come as JSON.
      return undefined;
  }
}

/** One problem of a CSV upload: its row (1 is the header), column and what is wrong. */
export interface CsvProblem {
  row: number;
  column?: string;
  message: string;
}

/** The header's problems for `inputs`: the id column and every input must be there, and nothing else but name. */
export function csvHeaderProblems(columns: string[], inputs: Pick<InputInfo, "name" | "label">[], ruleName: string): CsvProblem[] {
  const known = new Set(inputs.map((i) => i.name));
  const problems: CsvProblem[] = [];
  if (!columns.includes("id")) problems.push({ row: 1, column: "id", message: "missing the id column" });
  for (const input of inputs) if (!columns.includes(input.name)) problems.push({ row: 1, column: input.name, message: `missing the column for input ${input.name} (${input.label})` });
  for (const column of columns) if (column !== "id" && column !== "name" && !known.has(column)) problems.push({ row: 1, column, message: `rule ${ruleName} has no input named ${column}` });
  return problems;
}

/** One data row as a subject, typed by the inputs named in `columns`; each bad cell is added to `problems`. */
export function subjectOfRow(cells: string[], columns: string[], inputs: Map<string, Pick<InputInfo, "name" | "type" | "optional">>, row: number, problems: CsvProblem[]): Subject {
  const subject: Subject = { id: "", input: {} };
  cells.forEach((cell, c) => {
    const column = columns[c]!;
    if (column === "id") subject.id = cell.trim();
    else if (column === "name") subject.name = cell.trim();
    else {
      const input = inputs.get(column);
      if (!input) return;
      // An empty cell leaves an optional input absent.
      if (input.optional && cell.trim() === "") return;
      const value = cellValue(cell, input);
      if (value === undefined) problems.push({ row, column, message: input.type === "list" ? `a list of records cannot be a CSV cell; send the subjects as JSON` : `"${cell}" is not a ${input.type}` });
      else subject.input[column] = value;
    }
  });
  if (!subject.id) problems.push({ row, column: "id", message: "empty id" });
  return subject;
}

/** The message of 422 CSV_INVALID: the first few problems. */
export function csvProblemsMessage(problems: CsvProblem[], ruleName: string): string {
  return `The CSV does not fit rule ${ruleName}: ${problems.slice(0, 5).map((p) => `row ${p.row}${p.column ? ` ${p.column}` : ""}: ${p.message}`).join("; ")}`;
}

/** Parses a small CSV held in memory into subjects (the service streams uploads instead, row by row) for `rule`; 422 CSV_INVALID naming every bad header, row and cell. */
export function parseSubjectsCsv(text: string, rule: CompiledRule): Subject[] {
  let rows: string[][];
  try {
    rows = parse(text.replace(/^\uFEFF/, ""), { relax_column_count: false, skip_empty_lines: true, trim: false }) as string[][];
  } catch (error) {
    throw unprocessable("CSV_INVALID", `The CSV could not be read: ${(error as Error).message}`);
  }
  const [header, ...body] = rows;
  if (!header) throw unprocessable("CSV_INVALID", "The CSV is empty: it needs a header row with an id column and the rule's inputs.");
  const columns = header.map((h) => h.trim());
  const inputs = new Map(rule.inputs.map((i) => [i.name, i]));
  const problems = csvHeaderProblems(columns, rule.inputs, rule.name);
  const subjects = body.map((cells, index) => subjectOfRow(cells, columns, inputs, index + 2, problems));
  if (problems.length > 0) throw unprocessable("CSV_INVALID", csvProblemsMessage(problems, rule.name), { problems });
  return subjects;
}
