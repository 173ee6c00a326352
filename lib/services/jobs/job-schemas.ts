import { z } from "zod";
import { SYNC_DIRECTIONS, SYNC_JOB_STATUSES } from "@/db/schema";

const Optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === "" || v === null ? undefined : v), schema.optional());
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date is YYYY-MM-DD");
/** One UTC hour, as the dashboard's per-hour charts link to it. */
const Hour = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}$/, "an hour is YYYY-MM-DDTHH (UTC)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}:00:00Z`)), "not an hour");
export const JOB_OUTCOMES = ["with-failures", "clean"] as const;

export const JOB_SORTS = ["createdAt", "mappingName", "status", "failed", "inserted", "modified"] as const;

/** The job list's query: filters, sort and page, all applied by the database. */
export const ListJobsInput = z.object({
  mapping: Optional(z.string().trim().max(100)),
  direction: Optional(z.enum(SYNC_DIRECTIONS, { message: "direction is erp-to-crm or crm-to-erp" })),
  status: Optional(z.enum(SYNC_JOB_STATUSES, { message: "not a job status" })),
  trigger: Optional(z.string().trim().max(40)),
  from: Optional(Day),
  to: Optional(Day),
  hour: Optional(Hour),
  /** Jobs with failed records (whatever their status), or without. */
  outcome: Optional(z.enum(JOB_OUTCOMES, { message: "outcome is with-failures or clean" })),
  /** A pair other than the active one: its jobs, read-only. */
  pairId: Optional(z.string().uuid()),
  sort: z.enum(JOB_SORTS).default("createdAt"),
  order: z.enum(["asc", "desc"]).default("desc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50),
});
export type ListJobsQuery = z.output<typeof ListJobsInput>;

export const JobErrorsInput = z.object({
  jobId: z.string().uuid("not a job id"),
  code: Optional(z.string().trim().max(60)),
  /** "" is the group of errors that name no field. */
  field: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(10).max(500).default(50),
});
export type JobErrorsQuery = z.output<typeof JobErrorsInput>;
