import type { Matcher, RE2JS } from "re2js";
import { checkRegexWork, compileLinearRegex } from "./linear-regex";

/**
 * What JSONata needs of a RegExp, on RE2. JSONata parses a regex literal into a native RegExp (flags i/m plus g),
 * then for each evaluation calls `new RegexEngine(thatRegExp)`, sets `lastIndex` and calls `exec` repeatedly; a
 * match moves `lastIndex` to its end. A native exec cannot be interrupted by JSONata's step hooks; this one runs in
 * linear time and refuses work that would still be too long.
 */
export class Re2RegexEngine {
  lastIndex = 0;
  readonly source: string;
  readonly flags: string;
  readonly global: boolean;
  private readonly regex: RE2JS;
  private matcher: { input: string; matcher: Matcher } | null = null;

  constructor(pattern: RegExp | string, flags?: string) {
    this.source = typeof pattern === "string" ? pattern : pattern.source;
    this.flags = typeof pattern === "string" ? (flags ?? "") : pattern.flags;
    this.global = this.flags.includes("g");
    this.regex = compileLinearRegex(this.source, this.flags, "jsonata");
  }

  private matcherFor(input: string): Matcher {
    if (this.matcher?.input !== input) this.matcher = { input, matcher: this.regex.matcher(input) };
    return this.matcher.matcher;
  }

  exec(input: string): RegExpExecArray | null {
    const text = String(input);
    const start = this.global ? this.lastIndex : 0;
    if (start > text.length) {
      this.lastIndex = 0;
      return null;
    }
    checkRegexWork(this.regex, text.length - start, "jsonata");
    const matcher = this.matcherFor(text);
    if (!matcher.find(start)) {
      if (this.global) this.lastIndex = 0;
      return null;
    }
    const groups: (string | undefined)[] = [];
    for (let g = 0; g <= matcher.groupCount(); g++) groups.push(matcher.group(g) ?? undefined);
    const result = Object.assign(groups, { index: matcher.start(), input: text, groups: undefined });
    if (this.global) this.lastIndex = matcher.end();
    return result as unknown as RegExpExecArray;
  }

  test(input: string): boolean {
    return this.exec(input) !== null;
  }
}
