/** Re-renders a Lit element when the UI locale changes. */

import type { ReactiveController, ReactiveControllerHost } from "lit";
import { onLocaleChange } from "../i18n";

export class LocaleController implements ReactiveController {
  private unsubscribe?: () => void;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    this.unsubscribe = onLocaleChange(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
  }
}
