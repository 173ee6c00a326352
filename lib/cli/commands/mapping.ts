import fs from "node:fs/promises";
import type { Command } from "commander";
import {
  BC_SALES_TEMPLATE,
  bcSalesTemplateGraph,
  compileGraph,
  compileModel,
  exportGraph,
  hasErrors,
  ImportError,
  importDocument,
  serializeConfig,
  STATIC_CATALOGS,
  type Diagnostic,
} from "@/lib/mapping";
import { AppError } from "@/lib/errors";
import type { CliOutput } from "../output";

/** Exit code 1 for error diagnostics; the command line treats them as a failed check, not as bad input. */
export class DiagnosticsFailed extends Error {
  constructor(readonly count: number) {
    super(`${count} error${count === 1 ? "" : "s"}`);
  }
}

function formatDiagnostic(d: Diagnostic): string {
  const where = [d.mapping, d.path].filter(Boolean).join(" ");
  return `${d.severity.padEnd(7)} ${d.code.padEnd(26)} ${where ? `${where}: ` : ""}${d.message}\n`;
}

async function readDocument(file: string) {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new AppError(
      "NOT_FOUND",
      `Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  try {
    return importDocument(text);
  } catch (error) {
    if (error instanceof ImportError)
      throw new AppError("VALIDATION_FAILED", `${file}: ${error.message}`, {
        fieldErrors: error.path ? { [error.path]: [error.code] } : undefined,
      });
    throw error;
  }
}

function checkFile(document: Awaited<ReturnType<typeof readDocument>>, useCatalogs: boolean) {
  const catalogs = useCatalogs ? STATIC_CATALOGS : {};
  return document.kind === "graph"
    ? compileGraph(document.graph, { catalogs })
    : compileModel(document.config, { catalogs });
}

export function registerMappingCommands(program: Command, out: CliOutput): void {
  program
    .command("template")
    .description(`Print a template's runtime config (or its graph); available: ${BC_SALES_TEMPLATE.id}`)
    .argument("<name>", "template name")
    .option("--graph", "print the designer graph instead of the runtime config")
    .action((name: string, options: { graph?: boolean }) => {
      if (name !== BC_SALES_TEMPLATE.id)
        throw new AppError("NOT_FOUND", `No template "${name}"; available: ${BC_SALES_TEMPLATE.id}`);
      const graph = bcSalesTemplateGraph();
      if (options.graph) return out.write(exportGraph(graph));
      const { config } = compileGraph(graph, { catalogs: STATIC_CATALOGS });
      out.write(serializeConfig(config!));
    });

  program
    .command("validate")
    .description("Check a mapping graph or runtime config against the static catalogs; exit 1 if any error")
    .argument("<file>", "graph or config JSON")
    .option("--json", "print the diagnostics as JSON")
    .option("--no-catalog", "skip the checks that need the systems' catalogs")
    .action(async (file: string, options: { json?: boolean; catalog: boolean }) => {
      const { diagnostics } = checkFile(await readDocument(file), options.catalog);
      if (options.json) out.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
      else if (diagnostics.length === 0) out.write("No problems found.\n");
      else diagnostics.forEach((d) => out.write(formatDiagnostic(d)));
      const errors = diagnostics.filter((d) => d.severity === "error").length;
      if (errors) throw new DiagnosticsFailed(errors);
    });

  program
    .command("compile")
    .description("Compile a mapping graph to its runtime config (printed); problems go to stderr, exit 1 on errors")
    .argument("<graph>", "graph JSON")
    .option("--no-catalog", "skip the checks that need the systems' catalogs")
    .action(async (file: string, options: { catalog: boolean }) => {
      const document = await readDocument(file);
      if (document.kind !== "graph")
        throw new AppError("VALIDATION_FAILED", `${file} is already a runtime config; compile takes a graph`);
      const result = checkFile(document, options.catalog);
      result.diagnostics.forEach((d) => out.error(formatDiagnostic(d)));
      if (hasErrors(result.diagnostics) || !result.config)
        throw new DiagnosticsFailed(result.diagnostics.filter((d) => d.severity === "error").length);
      out.write(serializeConfig(result.config));
    });
}
