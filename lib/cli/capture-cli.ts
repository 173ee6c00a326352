import { main } from "./main";
import { CliOutput } from "./output";

/** Runs the CLI in-process with its output captured, for tests. */
export async function runCli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const output = new (class extends CliOutput {
    override write(text: string) {
      out += text;
    }
    override error(text: string) {
      err += text;
    }
  })();
  const code = await main(["node", "tandem", ...args], output);
  return { code, out, err };
}
