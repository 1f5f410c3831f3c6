/**
 * The meetings of the service, read-only: the list, then one meeting's agenda (kind, state, round), its live counts
 * (signed in, represented by proxy, voted per item; polled while the meeting is open) and the results of closed
 * items, with the 公示 link once it is closed. Running a meeting is the clerk's work through the API.
 */

import type { RatingResult } from "@gavel-rules/lang";
import { LitElement, css, html, nothing } from "lit";
import { customElement, property, state } from "lit/decorators.js";
import { t, type MessageKey } from "../i18n";
import { getMeeting, itemResult, listMeetings, noticeLink, type AgendaItem, type Meeting, type MeetingSummary } from "../meetings-api";
import { LocaleController } from "./locale-controller";
import { sharedStyles } from "./shared-styles";
import "./election-chart";
import "./rating-chart";

@customElement("gavel-meetings")
export class MeetingView extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host { display: block; }
      .list li { display: flex; gap: 8px; align-items: baseline; padding: 4px 12px 4px 20px; cursor: pointer; }
      .list li:hover { background: var(--hover-bg); }
      .list li .name { flex: 1; min-width: 0; overflow-wrap: anywhere; }
      .note { padding: 6px 20px; }
      .meeting { padding: 0 16px 16px 20px; }
      h2 { font-size: 15px; margin: 4px 0 2px; overflow-wrap: anywhere; }
      .state { font-size: 11px; padding: 0 6px; border-radius: 8px; border: 1px solid var(--border); white-space: nowrap; }
      .state.open { color: var(--ok); border-color: var(--ok); }
      .counts { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px; margin: 10px 0; }
      .count { border: 1px solid var(--border); border-radius: 4px; padding: 4px 8px; text-align: center; }
      .count .n { font-size: 20px; font-weight: 600; display: block; }
      .count .k { font-size: 11px; color: var(--muted); }
      ol.agenda { margin: 0; padding: 0; list-style: none; }
      ol.agenda > li { border-top: 1px solid var(--border); padding: 8px 0; }
      .item-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: baseline; }
      .item-head .title { font-weight: 600; flex: 1 1 200px; overflow-wrap: anywhere; }
      .tag { font-size: 11px; color: var(--muted); white-space: nowrap; }
      .badge { padding: 1px 8px; border-radius: 10px; color: #fff; font-size: 12px; }
      .badge.passed, .badge.complete { background: #2e7d32; }
      .badge.rejected, .badge.no_quorum, .badge.void_ballots, .badge.void_turnout { background: #c62828; }
      .badge.runoff, .badge.incomplete, .badge.tie { background: #8d6e00; }
      .badge.grade { background: var(--accent); }
      .result { margin-top: 6px; }
      .subject { display: flex; gap: 8px; align-items: baseline; margin-top: 4px; }
      .subject .who { min-width: 5em; }
      .actions { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
      a { color: var(--accent); }
    `,
  ];

  /** Seconds between two reads of an open meeting. */
  @property({ type: Number }) pollSeconds = 3;
  @state() private meetings: MeetingSummary[] | null = null;
  @state() private meeting: Meeting | null = null;
  @state() private error: string | null = null;
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly locale = new LocaleController(this);

  override connectedCallback(): void {
    super.connectedCallback();
    void this.refreshList();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopPolling();
  }

  /** Reads the list of meetings again. */
  async refreshList(): Promise<void> {
    try {
      this.meetings = await listMeetings();
      this.error = null;
    } catch (error) {
      this.error = t("meetings.loadFailed", { message: (error as Error).message });
    }
  }

  /** Shows one meeting and, while it is open, keeps its counts current. */
  async show(id: string): Promise<void> {
    this.stopPolling();
    await this.reload(id);
    if (this.meeting?.state === "open") this.timer = setInterval(() => void this.reload(id), this.pollSeconds * 1000);
  }

  private async reload(id: string): Promise<void> {
    try {
      this.meeting = await getMeeting(id);
      this.error = null;
      // A closed meeting no longer changes.
      if (this.meeting.state === "closed") this.stopPolling();
    } catch (error) {
      this.error = t("meetings.loadFailed", { message: (error as Error).message });
    }
  }

  private stopPolling(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private back(): void {
    this.stopPolling();
    this.meeting = null;
    void this.refreshList();
  }

  private renderList() {
    const meetings = this.meetings;
    if (meetings === null) return nothing;
    if (meetings.length === 0) return html`<div class="note muted">${t("meetings.empty")}</div>`;
    return html`<ul class="list" role="listbox" aria-label=${t("meetings.title")}>
      ${meetings.map((m) => html`<li role="option" tabindex="0" aria-selected="false" data-id=${m.id} @click=${() => void this.show(m.id)}
          @keydown=${(e: KeyboardEvent) => e.key === "Enter" && void this.show(m.id)}>
        <span class="name">${m.title}</span>
        <span class="state ${m.state}">${t(`meetings.state.${m.state === "open" ? "open" : "closed"}`)}</span>
      </li>`)}
    </ul>`;
  }

  private renderResult(item: AgendaItem) {
    const result = itemResult(item);
    if (!result) return nothing;
    if (result.kind === "ratings") {
      return html`<div class="result">${result.subjects.map(({ subject, result }) => this.renderRating(subject, result))}</div>`;
    }
    if (result.kind === "vote") {
      return html`<div class="result" data-outcome=${result.outcome}>
        <span class="badge ${result.outcome}">${t(`outcome.${result.outcome}` as MessageKey)}</span>
        <span class="muted">${t("meetings.motionFacts", { ...result.facts })}</span></div>`;
    }
    if (result.kind === "election") {
      return html`<div class="result" data-outcome=${result.outcome}>
        <span class="badge ${result.outcome}">${t(`election.outcome.${result.outcome}` as MessageKey)}</span>
        ${result.elected.length ? html`<span class="elected">${t("election.elected")}：${result.elected.join("、")}</span>` : nothing}
        <gavel-election-chart .result=${result}></gavel-election-chart></div>`;
    }
    if (result.kind === "rating") return html`<div class="result">${this.renderRating(item.title, result)}</div>`;
    return nothing;
  }

  private renderRating(subject: string, result: RatingResult) {
    return html`<details class="subject-result" data-subject=${subject} data-grade=${result.grade}>
      <summary class="subject"><span class="who">${subject}</span><span class="badge grade">${result.grade}</span>
        ${result.levels.map((l) => html`<span class="level muted" data-level=${l.name} data-count=${l.count}>${l.name} ${l.count}</span>`)}</summary>
      <gavel-rating-chart .result=${result}></gavel-rating-chart>
    </details>`;
  }

  private renderItem(item: AgendaItem) {
    return html`<li class="item" data-id=${item.id} data-kind=${item.kind} data-state=${item.state} data-voted=${item.voted} data-round=${item.round ?? ""}>
      <div class="item-head">
        <span class="tag">${item.position}.</span>
        <span class="title">${item.title}</span>
        <span class="tag kind">${t(`meetings.kind.${item.kind}`)}</span>
        ${item.round === null ? nothing : html`<span class="tag round">${t("meetings.round", { n: item.round })}</span>`}
        <span class="state ${item.state}">${t(`meetings.state.${item.state}`)}</span>
        <span class="tag voted">${t("meetings.voted", { n: item.voted })}</span>
      </div>
      ${item.state === "closed" ? this.renderResult(item) : nothing}
    </li>`;
  }

  private renderMeeting(meeting: Meeting) {
    const link = noticeLink(meeting);
    const counts: [string, MessageKey, number][] = [
      ["entitled", "meetings.entitled", meeting.counts.entitled],
      ["signedIn", "meetings.signedIn", meeting.counts.signedIn],
      ["proxies", "meetings.proxies", meeting.counts.proxies],
      ["present", "meetings.present", meeting.counts.present],
    ];
    return html`<div class="meeting" data-id=${meeting.id} data-state=${meeting.state}>
      <div class="actions">
        <button data-action="back" @click=${() => this.back()}>← ${t("meetings.all")}</button>
        ${link ? html`<a class="notice" href=${link} target="_blank" rel="noopener">${t("meetings.notice")} ↗</a>` : nothing}
      </div>
      <h2>${meeting.title}</h2>
      <div class="muted">${meeting.body.name} · <span class="state ${meeting.state}">${t(`meetings.state.${meeting.state}`)}</span>
        ${meeting.state === "open" ? html` · ${t("meetings.live", { s: this.pollSeconds })}` : nothing}</div>
      <div class="counts" role="group" aria-label=${t("meetings.present")}>
        ${counts.map(([id, key, n]) => html`<div class="count" data-count=${id}><span class="n">${n}</span><span class="k">${t(key)}</span></div>`)}
      </div>
      <div class="section-title" style="padding-left:0">${t("meetings.agenda")}</div>
      ${meeting.items.length
        ? html`<ol class="agenda" aria-label=${t("meetings.agenda")}>${meeting.items.map((item) => this.renderItem(item))}</ol>`
        : html`<div class="muted">${t("meetings.noItems")}</div>`}
    </div>`;
  }

  override render() {
    return html`<div class="section-title"><span class="grow">${t("meetings.title")}</span>
        <button title=${t("meetings.refresh")} aria-label=${t("meetings.refresh")} data-action="refresh"
          @click=${() => (this.meeting ? void this.reload(this.meeting.id) : void this.refreshList())}>⟳</button></div>
      ${this.error ? html`<div class="note error" role="alert">${this.error}</div>` : nothing}
      ${this.meeting ? this.renderMeeting(this.meeting) : this.renderList()}`;
  }
}
