/** `gavel completion bash|zsh|fish`: a completion script, generated from the program's own commands and options so it never drifts. */
import type { Command, Option } from "commander";
import type { CommandContext } from "../context.ts";
import { ExitCode } from "../context.ts";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

interface CommandInfo {
  /** e.g. "check", or "token create". */
  path: string[];
  description: string;
  /** Long (and short) flags of the command, with the global ones. */
  options: Option[];
  /** Choices of the first argument, when it has fixed ones (completion's shell). */
  argumentChoices: string[];
  subcommands: string[];
}

function commandsOf(program: Command): CommandInfo[] {
  const out: CommandInfo[] = [];
  const visit = (command: Command, path: string[]) => {
    for (const sub of command.commands) {
      const subPath = [...path, sub.name()];
      out.push({
        path: subPath,
        description: sub.description(),
        options: [...sub.options, ...program.options],
        argumentChoices: sub.registeredArguments[0]?.argChoices ?? [],
        subcommands: sub.commands.map((c) => c.name()),
      });
      visit(sub, subPath);
    }
  };
  visit(program, []);
  return out;
}

const flags = (options: readonly Option[]): string[] => options.flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined));
const takesValue = (o: Option): boolean => o.required || o.optional;
/** A description without the characters the shells' completion syntax would read (brackets, colons, quotes, `$`). */
const summary = (text: string): string =>
  text
    .replace(/\[/g, "(")
    .replace(/\]/g, ")")
    .replace(/:/g, " ")
    .replace(/['"`$\\]/g, "")
    .replace(/\s+/g, " ")
    .trim();
/** Whether an option's value is a path (its flags say `<file>`, `<dir>` or `@file`), so the shell completes file names. */
const takesPath = (o: Option): boolean => /<(file|dir)|@file/.test(o.flags);

function bash(program: Command, top: CommandInfo[]): string {
  const commands = top.filter((c) => c.path.length === 1);
  const choices = new Map<string, Set<string>>();
  const valued = new Set<string>();
  for (const c of top) {
    for (const o of c.options) {
      if (!o.long || !takesValue(o)) continue;
      valued.add(o.long);
      if (o.argChoices) for (const choice of o.argChoices) (choices.get(o.long) ?? choices.set(o.long, new Set()).get(o.long))?.add(choice);
    }
  }
  const cases = top.map((c) => {
    const words = c.subcommands.length > 0 ? c.subcommands : c.argumentChoices;
    return `    "${c.path.join(" ")}") opts="${flags(c.options).join(" ")}"; words="${words.join(" ")}" ;;`;
  });
  const valueCases = [...choices].map(([flag, set]) => `    ${flag}) COMPREPLY=($(compgen -W "${[...set].join(" ")}" -- "$cur")); return ;;`);
  return `# gavel completion for bash: add to ~/.bashrc:  source <(gavel completion bash)
_gavel() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}"
  local path="" i word opts words
  # The command path: the words before the cursor that name commands (token create, audit verify, ...).
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="\${path:+$path }\${COMP_WORDS[i]}"
    case "$word" in
${top.map((c) => `      "${c.path.join(" ")}") path="$word" ;;`).join("\n")}
    esac
  done
  case "$prev" in
${valueCases.join("\n")}
    ${[...valued].filter((f) => !choices.has(f)).join("|") || "--never"}) return ;;
  esac
  if [[ -z "$path" ]]; then
    COMPREPLY=($(compgen -W "${[...commands.map((c) => c.path[0] ?? ""), "help", ...flags(program.options)].join(" ")}" -- "$cur"))
    return
  fi
  case "$path" in
${cases.join("\n")}
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  elif [[ -n "$words" ]]; then
    COMPREPLY=($(compgen -W "$words" -- "$cur"))
  fi
  # Otherwise nothing here: -o default completes file names.
}
complete -o default -F _gavel gavel
`;
}

function zshOption(o: Option): string {
  const name = o.long ?? o.short ?? "";
  const action = o.argChoices ? `(${o.argChoices.join(" ")})` : takesPath(o) ? "_files" : " ";
  const value = takesValue(o) ? `:${o.long?.slice(2) ?? "value"}:${action}` : "";
  return `'${name}[${summary(o.description)}]${value}'`;
}

function zsh(program: Command, top: CommandInfo[]): string {
  const functionName = (c: CommandInfo) => `_gavel_${c.path.join("_")}`;
  const describe = (list: CommandInfo[]) => list.map((c) => `'${c.path.at(-1) ?? ""}:${summary(c.description)}'`).join(" ");
  const body = (c: CommandInfo, children: CommandInfo[]) => {
    if (children.length > 0) {
      return `${functionName(c)}() {
  local curcontext="$curcontext" state line
  _arguments -C ${c.options.map(zshOption).join(" ")} '1: :->command' '*:: :->args'
  case $state in
    command) local -a commands; commands=(${describe(children)}); _describe -t commands 'gavel ${c.path.join(" ")}' commands ;;
    args) case $words[1] in
${children.map((child) => `      ${child.path.at(-1) ?? ""}) ${functionName(child)} ;;`).join("\n")}
    esac ;;
  esac
}`;
    }
    const argument = c.argumentChoices.length > 0 ? `'1:shell:(${c.argumentChoices.join(" ")})'` : "'*:file:_files'";
    return `${functionName(c)}() {
  _arguments ${c.options.map(zshOption).join(" ")} ${argument}
}`;
  };
  const root: CommandInfo = { path: [], description: "", options: [...program.options], argumentChoices: [], subcommands: [] };
  const childrenOf = (c: CommandInfo) => top.filter((x) => x.path.length === c.path.length + 1 && c.path.every((p, i) => x.path[i] === p));
  const functions = [body(root, childrenOf(root)).replace("_gavel_()", "_gavel()"), ...top.map((c) => body(c, childrenOf(c)))];
  return `#compdef gavel
# gavel completion for zsh: add to ~/.zshrc (after compinit):  source <(gavel completion zsh)
${functions.join("\n\n")}

compdef _gavel gavel
`;
}

function fish(program: Command, top: CommandInfo[]): string {
  const lines = ["# gavel completion for fish: gavel completion fish > ~/.config/fish/completions/gavel.fish"];
  const quote = (text: string) => `'${text.replace(/'/g, "")}'`;
  for (const o of program.options) lines.push(fishOption("", o, quote));
  for (const c of top) {
    const parent = c.path.slice(0, -1);
    const siblings = top.filter((x) => x.path.length === c.path.length && parent.every((p, i) => x.path[i] === p)).map((x) => x.path.at(-1) ?? "");
    const condition =
      parent.length === 0 ? "__fish_use_subcommand" : `__fish_seen_subcommand_from ${parent.join(" ")}; and not __fish_seen_subcommand_from ${siblings.join(" ")}`;
    lines.push(`complete -c gavel -n ${quote(condition)} -f -a ${c.path.at(-1) ?? ""} -d ${quote(summary(c.description))}`);
    if (c.subcommands.length > 0) continue;
    const seen = `__fish_seen_subcommand_from ${c.path.at(-1) ?? ""}`;
    for (const o of c.options.slice(0, c.options.length - program.options.length)) lines.push(fishOption(seen, o, quote));
    if (c.argumentChoices.length > 0) lines.push(`complete -c gavel -n ${quote(seen)} -f -a ${quote(c.argumentChoices.join(" "))}`);
  }
  return `${lines.join("\n")}\n`;
}

function fishOption(condition: string, o: Option, quote: (text: string) => string): string {
  const parts = ["complete -c gavel"];
  if (condition) parts.push(`-n ${quote(condition)}`);
  if (o.long) parts.push(`-l ${o.long.slice(2)}`);
  if (o.short) parts.push(`-s ${o.short.slice(1)}`);
  if (o.argChoices) parts.push(`-x -a ${quote(o.argChoices.join(" "))}`);
  else if (takesValue(o)) parts.push(takesPath(o) ? "-r -F" : "-x");
  parts.push(`-d ${quote(summary(o.description))}`);
  return parts.join(" ");
}

/** The completion script of `program` for `shell`. */
export function completionScript(shell: Shell, program: Command): string {
  const top = commandsOf(program);
  if (shell === "bash") return bash(program, top);
  if (shell === "zsh") return zsh(program, top);
  return fish(program, top);
}

/** Prints the completion script for `shell`. */
export function runCompletion(shell: Shell, program: Command, ctx: CommandContext): number {
  ctx.io.stdout(completionScript(shell, program));
  return ExitCode.ok;
}
