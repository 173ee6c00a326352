import type { ValidationContext } from "./validation-context";

/**
 * Finds dependency cycles without recursion (a long chain must not overflow the stack). Nodes with no remaining
 * dependents or no remaining dependencies cannot be on a cycle and are trimmed; from what is left, following any
 * dependency must come back round, so each walk finds a cycle. Self-dependencies are ignored.
 */
export function findCycles(edges: Map<string, string[]>): string[][] {
  const out = new Map(
    [...edges].map(([name, deps]) => [name, new Set(deps.filter((d) => d !== name && edges.has(d)))]),
  );
  const into = new Map([...out.keys()].map((name) => [name, new Set<string>()]));
  for (const [name, deps] of out) for (const dep of deps) into.get(dep)!.add(name);
  const queue = [...out.keys()].filter((name) => out.get(name)!.size === 0 || into.get(name)!.size === 0);
  const removed = new Set<string>();
  while (queue.length) {
    const name = queue.pop()!;
    if (removed.has(name)) continue;
    removed.add(name);
    for (const dep of out.get(name)!) {
      into.get(dep)!.delete(name);
      if (into.get(dep)!.size === 0) queue.push(dep);
    }
    for (const dependent of into.get(name)!) {
      out.get(dependent)!.delete(name);
      if (out.get(dependent)!.size === 0) queue.push(dependent);
    }
  }
  const cycles: string[][] = [];
  const reported = new Set<string>();
  for (const start of [...out.keys()].sort()) {
    if (removed.has(start) || reported.has(start)) continue;
    const path: string[] = [];
    const index = new Map<string, number>();
    let current = start;
    while (!index.has(current) && !reported.has(current)) {
      index.set(current, path.length);
      path.push(current);
      current = [...out.get(current)!].sort()[0]!;
    }
    if (reported.has(current)) continue; // led into a cycle already reported
    const cycle = path.slice(index.get(current));
    cycle.forEach((name) => reported.add(name));
    // Dependencies point backwards: report the cycle in the order things would have to run.
    cycles.push(cycle.reverse());
  }
  return cycles;
}

/** Names, dependencies, parents and the mappings lookups resolve through. */
export function checkDependencies(ctx: ValidationContext): void {
  const seen = new Map<string, number>();
  ctx.model.mappings.forEach((mapping, index) => {
    const first = seen.get(mapping.name);
    if (first !== undefined)
      ctx.report(
        "DUPLICATE_MAPPING_NAME",
        `Another table mapping is already named ${mapping.name}`,
        ctx.at(index, { suffix: ".name" }),
      );
    else seen.set(mapping.name, index);

    mapping.dependsOn.forEach((dependency, d) => {
      if (!ctx.byName.has(dependency))
        ctx.report(
          "UNKNOWN_DEPENDENCY",
          `${mapping.name} depends on ${dependency}, which does not exist`,
          ctx.at(index, { suffix: `.dependsOn[${d}]` }),
        );
    });
    if (mapping.parent) {
      if (!ctx.byName.has(mapping.parent))
        ctx.report(
          "UNKNOWN_DEPENDENCY",
          `${mapping.name}'s parent ${mapping.parent} does not exist`,
          ctx.at(index, { suffix: ".parent" }),
        );
      else if (!mapping.dependsOn.includes(mapping.parent)) {
        ctx.report(
          "LOOKUP_NOT_A_DEPENDENCY",
          `${mapping.name}'s parent ${mapping.parent} must also be one of its dependencies`,
          ctx.at(index, { suffix: ".parent" }),
        );
      }
    }
    mapping.fields.forEach((field, f) => {
      if (!field.lookup) return;
      const target = ctx.byName.get(field.lookup.mapping);
      const where = ctx.at(index, { field: f, suffix: ".lookup.mapping" });
      if (!target)
        return ctx.report(
          "UNKNOWN_LOOKUP_MAPPING",
          `The lookup resolves through ${field.lookup.mapping}, which does not exist`,
          where,
        );
      // A mapping may look up through its own couplings (a parent account); it cannot depend on itself.
      if (target.name !== mapping.name && !mapping.dependsOn.includes(target.name)) {
        ctx.report(
          "LOOKUP_NOT_A_DEPENDENCY",
          `The lookup resolves through ${target.name}'s couplings, so ${mapping.name} must depend on ${target.name}`,
          where,
        );
      }
    });
  });

  const edges = new Map(ctx.model.mappings.map((mapping) => [mapping.name, mapping.dependsOn]));
  for (const cycle of findCycles(edges)) {
    const index = ctx.model.mappings.findIndex((mapping) => mapping.name === cycle[0]);
    ctx.report(
      "CYCLIC_DEPENDENCY",
      `Dependencies go round in a circle: ${[...cycle, cycle[0]].join(" → ")}`,
      ctx.at(index, { suffix: ".dependsOn" }),
    );
  }
}
