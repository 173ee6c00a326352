import os from "node:os";
import { z } from "zod";
import { systemActor, type Actor } from "@/lib/services/context";
import { parseInput } from "@/lib/validation";

const ActorName = z
  .string()
  .trim()
  .min(1, "TANDEM_ACTOR is empty")
  .max(100, "TANDEM_ACTOR is longer than 100 characters")
  .regex(/^[^\p{Cc}]+$/u, "TANDEM_ACTOR holds control characters");

function osUser(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return null; // no passwd entry for this uid (some containers)
  }
}

/**
 * Who the audit log names for a CLI command: `cli:<TANDEM_ACTOR>`, else `cli:<the OS user>`, else `system`. The CLI
 * acts with the database's own rights, so this says who, not what they may do.
 */
export function cliActor(env: NodeJS.ProcessEnv = process.env): Actor {
  const name = env.TANDEM_ACTOR !== undefined ? parseInput(ActorName, env.TANDEM_ACTOR) : osUser();
  return systemActor(name ? `cli:${name}` : "system");
}
