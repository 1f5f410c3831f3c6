/** Upload and download of rule files: a `.gavel` file from the user's disk becomes an editor tab, and back. */

/** The registry's rule names: a letter of any script, then letters, marks, digits, `_` or `-` (at most 100). */
export const RULE_NAME_PATTERN = /^\p{L}[\p{L}\p{M}\p{N}_-]{0,99}$/u;

/** The service refuses a rule file over 1 MiB (RULE_TOO_LARGE): refuse it at once. */
export const MAX_RULE_BYTES = 1024 * 1024;

/** Why an uploaded file was refused. */
export type UploadRefusal = "notGavel" | "badName" | "tooLarge" | "notUtf8";

/** An uploaded file read as a rule file, or the reason it was refused. */
export type UploadedRule = { ok: true; name: string; text: string } | { ok: false; fileName: string; reason: UploadRefusal };

/** Reads a dropped or chosen file: only `NAME.gavel` with a valid rule name, at most 1 MiB, in UTF-8 (a BOM is dropped). */
export async function readRuleUpload(file: Pick<File, "name" | "size" | "arrayBuffer">): Promise<UploadedRule> {
  const refuse = (reason: UploadRefusal): UploadedRule => ({ ok: false, fileName: file.name, reason });
  const match = /^(.*)\.gavel$/iu.exec(file.name);
  if (!match) return refuse("notGavel");
  const name = match[1]!.normalize("NFC");
  if (!RULE_NAME_PATTERN.test(name)) return refuse("badName");
  if (file.size > MAX_RULE_BYTES) return refuse("tooLarge");
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
    return { ok: true, name, text };
  } catch {
    return refuse("notUtf8");
  }
}

/** Saves `text` to the user's disk as `NAME.gavel` (UTF-8), through a temporary object URL. */
export function downloadRuleFile(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.gavel`;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is only needed until then.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
