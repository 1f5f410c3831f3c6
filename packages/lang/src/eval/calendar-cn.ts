/**
 * The built-in working-day calendar: mainland China, from the State Council's yearly holiday notice
 * (国务院办公厅关于节假日安排的通知). dsl/calendar/cn.json is the same data as a file, the template for
 * adding a year or a local calendar (a test keeps the two equal). Kept as a module, not a JSON import,
 * so that the browser editor and the packaged CLI carry it without a file system.
 */

import type { CalendarData } from "./calendar.ts";

export const CN_CALENDAR: CalendarData = {
  name: "中国大陆 / mainland China",
  weekend: [6, 7],
  years: {
    "2026": {
      holidays: [
        "2026-01-01..2026-01-03",
        "2026-02-15..2026-02-23",
        "2026-04-04..2026-04-06",
        "2026-05-01..2026-05-05",
        "2026-06-19..2026-06-21",
        "2026-09-25..2026-09-27",
        "2026-10-01..2026-10-07",
      ],
      workdays: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    },
  },
};
