import { Command, CommanderError } from "commander";
import { isAppError } from "@/lib/errors";
import { registerConnectionCommands } from "./commands/connections";
import { registerDbCommands } from "./commands/db";
import { DiagnosticsFailed, registerMappingCommands } from "./commands/mapping";
import { registerSandboxCommands } from "./commands/sandbox";
import { registerSyncCommands } from "./commands/sync";
import { registerUserCommands } from "./commands/users";
import { CliOutput } from "./output";

export function buildProgram(out: CliOutput): Command {
  const program = new Command()
    .name("tandem")
    .description(
      "Tandem: design, run and review the sync between Business Central and Dynamics 365 Sales.\nUses the same database as the app: DATABASE_URL, or the embedded one in PGLITE_DIR (./.data).",
    )
    .version("0.1.0")
    .showHelpAfterError()
    .exitOverride()
    .configureOutput({ writeOut: (s) => out.write(s), writeErr: (s) => out.error(s) });
  registerUserCommands(program, out);
  registerDbCommands(program, out);
  registerMappingCommands(program, out);
  registerSandboxCommands(program, out);
  registerSyncCommands(program, out);
  registerConnectionCommands(program, out);
  return program;
}

/** Runs the CLI and returns the exit code: 0 ok, 1 failure, 2 bad input. */
export async function main(argv: string[], out = new CliOutput()): Promise<number> {
  try {
    await buildProgram(out).parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof DiagnosticsFailed) return 1;
    if (isAppError(error)) {
      out.error(`error [${error.code}]: ${error.message}\n`);
      for (const [field, messages] of Object.entries(error.fieldErrors ?? {}))
        out.error(`  ${field}: ${messages.join("; ")}\n`);
      return error.code === "VALIDATION_FAILED" ? 2 : 1;
    }
    out.error(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}
