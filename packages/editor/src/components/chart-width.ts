/**
 * The width a chart draws at: its host's width, between a minimum and the chart's preferred width. The charts draw
 * their SVG at this width in CSS pixels (viewBox = size), so a narrow column narrows the bars, never the text: an SVG
 * scaled down to fit drew its 12 px labels at 8 px in the Try it column of a 1024 px window.
 */

import type { ReactiveController, ReactiveControllerHost } from "lit";

export class ChartWidth implements ReactiveController {
  /** The current drawing width in px. */
  width: number;
  private observer: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly preferred: number,
    /** Below this the bars would be too short to compare: the host scrolls sideways instead. */
    private readonly min: number,
  ) {
    this.width = preferred;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const available = Math.floor(entries[0]?.contentRect.width ?? this.preferred);
      const width = Math.max(this.min, Math.min(this.preferred, available));
      if (width !== this.width) {
        this.width = width;
        this.host.requestUpdate();
      }
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = undefined;
  }
}

/** A label cut to fit `room` px at 12 px a character (a CJK character's width; Latin ones are narrower), with "…". */
export function fitLabel(label: string, room: number): string {
  const chars = Math.max(3, Math.floor(room / 12));
  return label.length > chars ? `${label.slice(0, chars - 1)}…` : label;
}
