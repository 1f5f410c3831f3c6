/** diagnostics: the message catalogue (English and Chinese) and how a diagnostic or error is made and localised. What other folders use. */
export { MESSAGES, diagnostic, localizeDiagnostic, localizeError, message, renderMessage } from "./messages.ts";
export type { Locale, MessageArgsOf, MessageId } from "./messages.ts";
