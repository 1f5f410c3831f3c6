/**
 * Unsaved work kept in this browser's IndexedDB, so that a reload, a closed tab or a crash loses nothing: one draft
 * per rule file, written shortly after each edit and removed when the file is saved or its changes are discarded.
 */

import { createStore, del, entries, set, type UseStore } from "idb-keyval";

/** The unsaved text of one rule file and the registry version the edit started from (null: never stored). */
export interface Draft {
  name: string;
  text: string;
  baseVersion: number | null;
  savedAt: string;
}

let store: UseStore | undefined;
/** Opened on first use: creating the database at import time would touch IndexedDB in pages that never edit. */
function draftStore(): UseStore {
  store ??= createStore("gavel-drafts", "drafts");
  return store;
}

/** Stores (replaces) the draft of `draft.name`. */
export function saveDraft(draft: Draft): Promise<void> {
  return set(draft.name, draft, draftStore());
}

/** Forgets the draft of `name`, if any. */
export function deleteDraft(name: string): Promise<void> {
  return del(name, draftStore());
}

/** Every kept draft, oldest first. */
export async function listDrafts(): Promise<Draft[]> {
  const rows = await entries<string, Draft>(draftStore());
  return rows.map(([, draft]) => draft).sort((a, b) => a.savedAt.localeCompare(b.savedAt));
}
