import { randomBytes } from "node:crypto";
import type { Command } from "commander";
import { cliActor } from "../cli-actor";
import { createUser } from "@/lib/services/users/create-user";
import { listUsers } from "@/lib/services/users/list-users";
import { withCliDatabase } from "../open-cli-database";
import type { CliOutput } from "../output";
import { readStdin } from "../read-stdin";

type CreateOptions = { email?: string; role?: string; name?: string; password?: string; passwordStdin?: boolean };

export function registerUserCommands(program: Command, out: CliOutput): void {
  const users = program.command("users").description("Manage who may sign in");

  users
    .command("create")
    .description("Create a user; without a password one is generated and printed once")
    .requiredOption("--email <email>", "sign-in e-mail")
    .requiredOption("--role <role>", "admin | consultant | viewer")
    .option("--name <name>", "display name (defaults to the e-mail's local part)")
    .option("--password <password>", "password (at least 10 characters); prefer --password-stdin")
    .option("--password-stdin", "read the password from standard input")
    .action(async (options: CreateOptions) => {
      const generated = !options.password && !options.passwordStdin ? randomBytes(15).toString("base64url") : undefined;
      const password = options.passwordStdin
        ? (await readStdin()).replace(/\r?\n$/, "")
        : (options.password ?? generated);
      const user = await withCliDatabase((handle) =>
        createUser({
          ctx: { db: handle.db, actor: cliActor() },
          input: { email: options.email, role: options.role, name: options.name, password },
        }),
      );
      out.write(`Created ${user.role} ${user.email} (${user.id}).\n`);
      if (generated) out.write(`Password (shown once): ${generated}\n`);
    });

  users
    .command("list")
    .description("List users and their roles")
    .action(async () => {
      const rows = await withCliDatabase((handle) => listUsers({ ctx: { db: handle.db, actor: cliActor() } }));
      for (const user of rows) out.write(`${user.email}\t${user.role}${user.disabled ? "\tdisabled" : ""}\n`);
    });
}
