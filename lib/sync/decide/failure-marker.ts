import type { Side } from "@/lib/mapping/model/direction";
import { lastErrorInto, lastResultInto, type CouplingState } from "../model/coupling-state";

/**
 * BC's IsSameFailureRepeatedTwice (§4.10): a coupling whose last pass into this side failed with the very same
 * message fails again ⇒ it is skipped until a person restores it.
 */
export function repeatsLastFailure(coupling: CouplingState, into: Side, message: string): boolean {
  return lastResultInto(coupling, into) === "failure" && lastErrorInto(coupling, into) === message;
}
