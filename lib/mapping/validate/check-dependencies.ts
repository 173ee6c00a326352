import type { ValidationContext } from "./validation-context";

/** Finds every dependency cycle once, as the list of names around it. */
export function findCycles(edges: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const seen = new Set<string>();
  const visit = (name: string) => {
    state.set(name, "visiting");
    stack.push(name);
    for (const next of edges.get(name) ?? []) {
      if (!edges.has(next)) continue;
      if (state.get(next) === "visiting") {
        const cycle = stack.slice(stack.indexOf(next));
        const key = [...cycle].sort().join("|");
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(name, "done");
  };
  for (const name of [...edges.keys()].sort()) if (!state.has(name)) visit(name);
  return cycles;
}

/** Names, dependencies, parents and the mappings lookups resolve through. */
export function checkDependencies(ctx: ValidationContext): void {
  const seen = new Map<string, number>();
  ctx.model.mappings.forEach((mapping, index) => {
    const first = seen.get(mapping.name);
    if (first !== undefined) ctx.report("DUPLICATE_MAPPING_NAME", `Another table mapping is already named ${mapping.name}`, ctx.at(index, { suffix: ".name" }));
    else seen.set(mapping.name, index);

    mapping.dependsOn.forEach((dependency, d) => {
      if (!ctx.byName.has(dependency)) ctx.report("UNKNOWN_DEPENDENCY", `${mapping.name} depends on ${dependency}, which does not exist`, ctx.at(index, { suffix: `.dependsOn[${d}]` }));
    });
    if (mapping.parent) {
      if (!ctx.byName.has(mapping.parent)) ctx.report("UNKNOWN_DEPENDENCY", `${mapping.name}'s parent ${mapping.parent} does not exist`, ctx.at(index, { suffix: ".parent" }));
      else if (!mapping.dependsOn.includes(mapping.parent)) {
        ctx.report("LOOKUP_NOT_A_DEPENDENCY", `${mapping.name}'s parent ${mapping.parent} must also be one of its dependencies`, ctx.at(index, { suffix: ".parent" }));
      }
    }
    mapping.fields.forEach((field, f) => {
      if (!field.lookup) return;
      const target = ctx.byName.get(field.lookup.mapping);
      const where = ctx.at(index, { field: f, suffix: ".lookup.mapping" });
      if (!target) return ctx.report("UNKNOWN_LOOKUP_MAPPING", `The lookup resolves through ${field.lookup.mapping}, which does not exist`, where);
      if (!mapping.dependsOn.includes(target.name)) {
        ctx.report("LOOKUP_NOT_A_DEPENDENCY", `The lookup resolves through ${target.name}'s couplings, so ${mapping.name} must depend on ${target.name}`, where);
      }
    });
  });

  const edges = new Map(ctx.model.mappings.map((mapping) => [mapping.name, mapping.dependsOn]));
  for (const cycle of findCycles(edges)) {
    const index = ctx.model.mappings.findIndex((mapping) => mapping.name === cycle[0]);
    ctx.report("CYCLIC_DEPENDENCY", `Dependencies go round in a circle: ${[...cycle, cycle[0]].join(" → ")}`, ctx.at(index, { suffix: ".dependsOn" }));
  }
}
