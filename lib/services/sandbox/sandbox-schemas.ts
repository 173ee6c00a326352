import { z } from "zod";
import { SYSTEMS } from "@/db/schema/enums";

export const SandboxSystemSchema = z.enum(SYSTEMS, { error: "The sandbox is erp or crm" });

export const BrowseSandboxInput = z.object({
  system: SandboxSystemSchema,
  entity: z.string().trim().max(100).optional(),
  search: z.string().trim().max(200).optional().default(""),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
});

export const UpdateSandboxRecordInput = z.object({
  system: SandboxSystemSchema,
  entity: z.string().trim().min(1).max(100),
  id: z.uuid({ error: "Unknown record" }),
  values: z.record(z.string().max(100), z.unknown()),
  /** A direct edit of the system's database: no new modified-on, version or change-log entry, so no sync sees it. */
  behindTheBack: z.boolean().optional(),
});

export const CreateSandboxRecordInput = z.object({
  system: SandboxSystemSchema,
  entity: z.string().trim().min(1).max(100),
  values: z.record(z.string().max(100), z.unknown()),
});

export const SeedSandboxesInput = z.object({
  customers: z
    .number({ error: "The customer count must be a whole number from 0 to 5,000,000" })
    .int("The customer count must be a whole number from 0 to 5,000,000")
    .min(0, "The customer count must be a whole number from 0 to 5,000,000")
    .max(5_000_000, "The customer count must be a whole number from 0 to 5,000,000")
    .default(0),
});

/** The settings themselves are checked by the sandbox against what may be tuned. */
export const ConfigureSandboxInput = z.object({ system: SandboxSystemSchema, settings: z.unknown() });
