import { asc, eq, gt, and } from "drizzle-orm";
import { syncJobErrors, syncJobs } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/validation";
import { requireRole, type ServiceContext } from "../context";
import { errorFilter } from "./get-job";
import { JobErrorsInput } from "./job-schemas";

const COLUMNS = ["job", "mapping", "direction", "code", "field", "source", "destination", "message", "time"] as const;

/** RFC 4180: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A job's errors (of one root cause, if given) as CSV, read in pages of 5,000 so a large job streams. */
export async function exportJobErrors(args: {
  ctx: ServiceContext;
  input: unknown;
}): Promise<ReadableStream<Uint8Array>> {
  const { ctx } = args;
  requireRole(ctx, "viewer");
  const query = parseInput(JobErrorsInput, args.input);
  const [job] = await ctx.db.select().from(syncJobs).where(eq(syncJobs.id, query.jobId));
  if (!job) throw new AppError("NOT_FOUND", "No sync job with that id.");
  const filter = errorFilter(query);
  const encoder = new TextEncoder();
  let after = 0;
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\r\n`));
      }
      const rows = await ctx.db
        .select()
        .from(syncJobErrors)
        .where(and(filter, gt(syncJobErrors.id, after)))
        .orderBy(asc(syncJobErrors.id))
        .limit(5000);
      if (!rows.length) return controller.close();
      after = rows.at(-1)!.id;
      const lines = rows.map((e) =>
        [job.id, job.mappingName, job.direction, e.code, e.field, e.sourceId, e.destinationId, e.message, e.createdAt]
          .map(csvCell)
          .join(","),
      );
      controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
    },
  });
}
