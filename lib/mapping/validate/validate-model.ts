import type { MappingModel } from "../model/runtime-config";
import type { ModelOrigins } from "../graph/graph-to-model";
import { checkDependencies } from "./check-dependencies";
import { checkFields } from "./check-fields";
import { checkMatch } from "./check-match";
import { checkSides } from "./check-sides";
import { checkTargets } from "./check-targets";
import type { Diagnostic } from "./diagnostic";
import { ValidationContext, type Catalogs } from "./validation-context";

export type ValidateOptions = { catalogs?: Catalogs; origins?: ModelOrigins };

/**
 * Every problem of a model as diagnostics; never throws. Without a catalog for a side, what needs it (unknown
 * fields, types) is not checked there.
 */
export function validateModel(model: MappingModel, options: ValidateOptions = {}): Diagnostic[] {
  const ctx = new ValidationContext(model, options.catalogs ?? {}, options.origins);
  checkDependencies(ctx);
  checkSides(ctx);
  checkFields(ctx);
  checkTargets(ctx);
  checkMatch(ctx);
  return ctx.diagnostics;
}
