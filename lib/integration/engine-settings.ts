import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DEFAULT_SETTINGS, type EngineSettings } from "@/lib/sync/engine/engine-context";

const EnvSchema = z.object({
  TANDEM_LEASE_TTL_MS: z.coerce.number().int().min(500).max(3_600_000).optional(),
  TANDEM_PAGE_SIZE: z.coerce.number().int().min(10).max(5000).optional(),
  TANDEM_GUARD_SHARE: z.coerce.number().min(0).max(1).optional(),
  TANDEM_GUARD_MIN: z.coerce.number().int().min(0).optional(),
});

/** Engine knobs from the environment: lease length, page size, and the mass-change guard's share and floor. */
export function engineSettingsFromEnv(env: Record<string, string | undefined> = process.env): EngineSettings {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success)
    throw new AppError(
      "CONFIGURATION",
      `Invalid engine setting: ${parsed.error.issues.map((i) => `${String(i.path[0])} ${i.message}`).join("; ")}`,
    );
  const e = parsed.data;
  return {
    ...DEFAULT_SETTINGS,
    ...(e.TANDEM_LEASE_TTL_MS ? { leaseTtlMs: e.TANDEM_LEASE_TTL_MS } : {}),
    ...(e.TANDEM_PAGE_SIZE ? { pageSize: e.TANDEM_PAGE_SIZE } : {}),
    guard: {
      maxShare: e.TANDEM_GUARD_SHARE ?? DEFAULT_SETTINGS.guard.maxShare,
      minRecords: e.TANDEM_GUARD_MIN ?? DEFAULT_SETTINGS.guard.minRecords,
    },
  };
}
