/** Where the CLI writes; tests pass a capturing one. */
export class CliOutput {
  write(text: string): void {
    process.stdout.write(text);
  }
  error(text: string): void {
    process.stderr.write(text);
  }
}
