import Link from "next/link";
import { jobsOfHour, type HourPoint } from "@/lib/services/dashboard/dashboard-view";

const MOST = 6;

/** The chart's hours that had any, newest first, as links: what the bars say, for keyboards and screen readers. */
export function HourLinks({
  points,
  value,
  unit,
  filter,
}: {
  points: HourPoint[];
  value: "synced" | "failed";
  unit: string;
  filter?: string;
}) {
  const hours = points.filter((p) => p[value] > 0).reverse();
  if (!hours.length) return <p className="text-xs text-muted-foreground">None in the last 7 days.</p>;
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs" aria-label={`Hours with ${unit}`}>
      {hours.slice(0, MOST).map((p) => (
        <li key={p.hour}>
          <Link className="underline" href={jobsOfHour(p.hour, filter)}>
            {p.hour.slice(5, 10)} {p.hour.slice(11, 13)}:00 UTC: {p[value].toLocaleString("en-US")} {unit}
          </Link>
        </li>
      ))}
      {hours.length > MOST && <li className="text-muted-foreground">and {hours.length - MOST} more hours</li>}
    </ul>
  );
}
