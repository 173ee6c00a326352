const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar date written YYYY-MM-DD (no 2026-02-30: Date.parse would roll it over). */
export function isCalendarDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An ISO 8601 instant with an explicit offset and in-range fields. */
export function isIsoDateTime(text: string): boolean {
  const match = DATETIME.exec(text);
  if (!match) return false;
  const [, date, hours, minutes, seconds = "0"] = match;
  return isCalendarDate(date!) && Number(hours) < 24 && Number(minutes) < 60 && Number(seconds) < 60;
}
