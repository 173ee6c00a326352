import type { Command } from "commander";
import { migrateDatabase, migrationsFolder } from "@/db/migrate";
import { openDatabase } from "@/db/open-database";
import type { CliOutput } from "../output";

export function registerDbCommands(program: Command, out: CliOutput): void {
  const db = program.command("db").description("Database maintenance");
  db.command("migrate")
    .description("Apply pending migrations to the configured database (the app also does this at start-up)")
    .action(async () => {
      const handle = await openDatabase();
      try {
        await migrateDatabase(handle);
        out.write(`Migrations from ${migrationsFolder()} applied (${handle.driver}).\n`);
      } finally {
        await handle.close();
      }
    });
}
