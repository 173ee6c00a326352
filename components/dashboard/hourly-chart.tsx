"use client";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { jobsOfHour, type HourPoint } from "@/lib/services/dashboard/dashboard-view";

const label = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 13)}:00`;

/** Seven days per hour (UTC); a bar opens the job list of that hour, filtered as the chart is. */
export function HourlyChart({
  title,
  points,
  value,
  color,
  filter,
}: {
  title: string;
  points: HourPoint[];
  value: "synced" | "failed";
  color: string;
  /** Added to the job list's query beside the hour, e.g. "outcome=with-failures". */
  filter?: string;
}) {
  const router = useRouter();
  return (
    <figure className="flex flex-col gap-2" aria-label={title}>
      <figcaption className="text-sm font-medium">{title}</figcaption>
      <div className="h-40 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="hour" tickFormatter={(h: string) => h.slice(5, 10)} interval={23} fontSize={11} />
            <YAxis allowDecimals={false} fontSize={11} />
            <Tooltip labelFormatter={(h) => `${label(String(h))} UTC`} />
            <Bar
              dataKey={value}
              name={title}
              fill={color}
              cursor="pointer"
              isAnimationActive={false}
              onClick={(entry: { payload?: HourPoint }) =>
                entry.payload && router.push(jobsOfHour(entry.payload.hour, filter))
              }
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
