/** Browser-local preferences: the signed-in person's API token, whether to ask them to sign in, and the colour theme. */

export type Theme = "light" | "dark" | "hc-dark" | "hc-light";

/** Every theme, each covering the whole workbench (CSS variables on <html data-theme>) and Monaco. */
export const THEMES: readonly Theme[] = ["light", "dark", "hc-dark", "hc-light"];

/** Whether a theme has a dark background. */
export function isDarkTheme(theme: Theme): boolean {
  return theme === "dark" || theme === "hc-dark";
}

const TOKEN_KEY = "gavel.token";
const THEME_KEY = "gavel.theme";
const SIGN_IN_LATER_KEY = "gavel.signInLater";
const themeListeners = new Set<(theme: Theme) => void>();

/** The signed-in person's bearer token, kept once the service accepted it ("" when nobody is signed in). */
export function getToken(): string {
  return globalThis.localStorage?.getItem(TOKEN_KEY) ?? "";
}

/** Stores (or with "" forgets) the bearer token. */
export function setToken(token: string): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

/** Whether the visitor chose to read without signing in: the sign-in dialog then no longer opens by itself at load. */
export function isSignInDeferred(): boolean {
  return globalThis.localStorage?.getItem(SIGN_IN_LATER_KEY) === "1";
}

/** Remembers (or forgets) that the visitor chose to read without signing in. */
export function deferSignIn(deferred: boolean): void {
  if (deferred) localStorage.setItem(SIGN_IN_LATER_KEY, "1");
  else localStorage.removeItem(SIGN_IN_LATER_KEY);
}

/** The current theme: stored choice, else the system preference. */
export function getTheme(): Theme {
  const stored = globalThis.localStorage?.getItem(THEME_KEY);
  if ((THEMES as readonly (string | null | undefined)[]).includes(stored)) return stored as Theme;
  if (globalThis.matchMedia?.("(forced-colors: active)").matches) return globalThis.matchMedia("(prefers-color-scheme: dark)").matches ? "hc-dark" : "hc-light";
  return globalThis.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** Switches the theme, stores it, marks <html data-theme>, and notifies subscribers (Monaco). */
export function setTheme(theme: Theme): void {
  localStorage.setItem(THEME_KEY, theme);
  document.documentElement.dataset["theme"] = theme;
  for (const listener of themeListeners) listener(theme);
}

/** Calls `listener` whenever the theme changes; returns the unsubscribe function. */
export function onThemeChange(listener: (theme: Theme) => void): () => void {
  themeListeners.add(listener);
  return () => themeListeners.delete(listener);
}
