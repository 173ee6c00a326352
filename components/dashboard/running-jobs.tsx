import Link from "next/link";
import type { RunningRow } from "@/lib/services/dashboard/dashboard-query";
import { Progress } from "@/components/ui/progress";

/** Jobs running now, each with its progress against the records its pass expects to read. */
export function RunningJobs({ jobs }: { jobs: RunningRow[] }) {
  if (!jobs.length) return <p className="text-sm text-muted-foreground">Nothing is running right now.</p>;
  return (
    <ul className="flex flex-col gap-2" aria-label="Running jobs">
      {jobs.map((job) => (
        <li key={job.id} className="flex items-center gap-3 text-sm">
          <Link className="w-56 truncate underline" href={`/jobs/${job.id}`}>
            {job.mappingName} {job.direction}
          </Link>
          <Progress value={job.done} max={job.expected} label={`${job.mappingName} ${job.direction} progress`} />
          <span className="text-xs text-muted-foreground">
            {job.done.toLocaleString("en-US")}
            {job.expected ? ` of ${job.expected.toLocaleString("en-US")}` : ""} records
          </span>
        </li>
      ))}
    </ul>
  );
}
