import type { DbOrTx } from "@/db/client";
import { AppError } from "@/lib/errors";
import { activePairId } from "@/lib/integration/integration-connections";

/** The active connection pair, or null while a system has no active connection. */
export function activePairOrNull(db: DbOrTx): Promise<string | null> {
  return activePairId(db).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "CONFIGURATION") return null;
    throw error;
  });
}

/** Work on a job, conflict or run of an older pair would act on the other tenant's ids: it stays read-only. */
export async function assertActivePair(db: DbOrTx, pairId: string, what: string): Promise<void> {
  if (pairId !== (await activePairOrNull(db)))
    throw new AppError(
      "CONFLICT",
      `This ${what} belongs to connections that are no longer active; its records are kept read-only under them.`,
    );
}
