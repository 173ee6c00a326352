// `npm run bench:compile`: validate + compile a generated 200-mapping / 3,000-field graph. Goal: ≤ 50 ms.
import { compileGraph } from "../compile/compile";
import { validateModel } from "../validate/validate-model";
import { generateLargeGraph } from "./generate-large-graph";

const RUNS = Number(process.env.BENCH_RUNS ?? 30);

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { min: sorted[0]!, median: at(0.5), p95: at(0.95) };
}

function time(fn: () => void): number[] {
  for (let i = 0; i < 5; i++) fn(); // warm-up: JIT and caches
  return Array.from({ length: RUNS }, () => {
    const started = performance.now();
    fn();
    return performance.now() - started;
  });
}

const { graph, model, catalogs } = generateLargeGraph(200, 15);
const fieldCount = model.mappings.reduce((n, m) => n + m.fields.length, 0);
const first = compileGraph(graph, { catalogs });
if (!first.config || first.diagnostics.length)
  throw new Error(`generated graph should compile cleanly: ${JSON.stringify(first.diagnostics.slice(0, 3))}`);

const format = (s: ReturnType<typeof stats>) =>
  `min ${s.min.toFixed(1)} ms, median ${s.median.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms`;
const compile = stats(time(() => compileGraph(graph, { catalogs })));
const validate = stats(time(() => validateModel(model, { catalogs })));
console.log(
  `graph: ${model.mappings.length} mappings, ${fieldCount} field mappings, ${graph.nodes.length} nodes, ${graph.edges.length} edges (${RUNS} runs each)`,
);
console.log(`validate only        : ${format(validate)}`);
console.log(
  `validate + compile   : ${format(compile)}   goal ≤ 50 ms (median) → ${compile.median <= 50 ? "met" : "NOT met"}`,
);
