import jsonata from "jsonata";
import { describe, expect, it } from "vitest";
import { evaluateExpression } from "./jsonata-transform";
import { Re2RegexEngine } from "./re2-regex-engine";

describe("Re2RegexEngine", () => {
  it.each<[string, string, unknown]>([
    ["$match with groups and positions", "$match($, /(\\w)(\\d)?/)", "a1 b c3"],
    ["$match with a limit", "$match($, /o/, 2)", "foo boo"],
    ["$match ignoring case", "$match($, /AB/i).index", "ab xAb"],
    ["$match per line", "$match($, /^b$/m).index", "a\nb\nc"],
    ["$replace with groups", "$replace($, /(\\w+)@(\\w+)/, '$2 at $1')", "ada@home bob@work"],
    ["$replace with $0 and a limit", "$replace($, /o/, '[$0]', 1)", "foo"],
    ["$replace with a function", "$replace($, /\\d+/, function($m) { $string($number($m.match) * 2) })", "a1 b22"],
    ["$contains", "[$contains($, /b+/), $contains($, /z/)]", "abbc"],
    ["$split", "$split($, /\\s*,\\s*/)", "a , b,c"],
    ["$split with a limit", "$split($, /,/, 2)", "a,b,c"],
    ["a regex after emoji", "$match($, /b/).index", "😀😀b"],
    ["a regex applied as a function", "/[0-9]+/($).match", "abc 123"],
    ["an anchored regex on later matches", "$count($match($, /^a/))", "aaa"],
  ])("should give what a native RegExp gives when JSONata runs %s", async (_label, expression, value) => {
    const expected = await jsonata(expression).evaluate(value);
    expect(await evaluateExpression(expression, value, {})).toEqual(expected);
  });

  it("should fail like a native RegExp when a regex matches the empty string forever", async () => {
    await expect(jsonata("$match($, /a*/)").evaluate("bbb")).rejects.toMatchObject({ code: "D1004" });
    await expect(evaluateExpression("$match($, /a*/)", "bbb", {})).rejects.toMatchObject({
      code: "EXPRESSION_ERROR",
      message: expect.stringMatching(/zero length/),
    });
  });

  it("should move lastIndex like a global RegExp when exec is called in turn", () => {
    const engine = new Re2RegexEngine(/a(\d)/g);
    const native = /a(\d)/g;
    const steps = (re: { exec: (s: string) => RegExpExecArray | null; lastIndex: number }) =>
      [0, 1, 2].map(() => {
        const m = re.exec("a1 a2");
        return [m && [...m], m?.index, re.lastIndex];
      });
    expect(steps(engine)).toEqual(steps(native));
  });
});
