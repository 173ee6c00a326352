import { badRequest, type Dialect } from "./odata-error";

/** A literal as written in the URL: its token kind decides which field types it may be compared with. */
export type Literal =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number; integer: boolean }
  | { kind: "boolean"; value: boolean }
  | { kind: "null" }
  | { kind: "guid"; value: string }
  | { kind: "datetime"; value: string }
  | { kind: "date"; value: string };

export type ComparisonOperator = "eq" | "ne" | "gt" | "ge" | "lt" | "le";
export type ParsedFilter =
  | { kind: "and" | "or"; left: ParsedFilter; right: ParsedFilter }
  | { kind: "not"; operand: ParsedFilter }
  | { kind: "compare"; property: string; op: ComparisonOperator; literal: Literal }
  | { kind: "function"; name: "contains" | "startswith" | "endswith"; property: string; literal: Literal };

type Token = { type: "string" | "word" | "lparen" | "rparen" | "comma" | "slash"; text: string; at: number };

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const COMPARISONS = new Set(["eq", "ne", "gt", "ge", "lt", "le"]);
const FUNCTIONS = new Set(["contains", "startswith", "endswith"]);

function tokenize(text: string, dialect: Dialect): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    const at = i;
    if (c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length)
          throw badRequest(dialect, `Syntax error: unterminated string literal at position ${at} in '${text}'.`);
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ type: "string", text: value, at });
    } else if (c === "(" || c === ")" || c === "," || c === "/") {
      tokens.push({ type: c === "(" ? "lparen" : c === ")" ? "rparen" : c === "," ? "comma" : "slash", text: c, at });
      i++;
    } else {
      let word = "";
      while (i < text.length && !" \t'(),/".includes(text[i]!)) word += text[i++];
      tokens.push({ type: "word", text: word, at });
    }
  }
  return tokens;
}

function literalOf(token: Token, dialect: Dialect, source: string): Literal {
  if (token.type === "string") return { kind: "string", value: token.text };
  const word = token.text;
  if (word === "null") return { kind: "null" };
  if (word === "true" || word === "false") return { kind: "boolean", value: word === "true" };
  if (GUID.test(word)) return { kind: "guid", value: word.toLowerCase() };
  if (DATETIME.test(word)) return { kind: "datetime", value: word };
  if (DATE.test(word)) return { kind: "date", value: word };
  if (NUMBER.test(word)) return { kind: "number", value: Number(word), integer: /^-?\d+$/.test(word) };
  throw badRequest(dialect, `Syntax error at position ${token.at} in '${source}': '${word}' is not a literal.`);
}

/** Parses the subset of OData $filter both services accept and Tandem uses; anything else is a 400 like theirs. */
export function parseFilter(source: string, dialect: Dialect): ParsedFilter {
  const tokens = tokenize(source, dialect);
  let position = 0;
  const peek = () => tokens[position];
  const next = () => tokens[position++];
  const fail = (message: string): never => {
    throw badRequest(dialect, `Syntax error at position ${peek()?.at ?? source.length} in '${source}': ${message}`);
  };
  const expect = (type: Token["type"], what: string) => (peek()?.type === type ? next()! : fail(`expected ${what}.`));
  const property = (): string => {
    const token = next();
    if (!token || token.type !== "word" || !IDENTIFIER.test(token.text)) return fail("expected a property name.");
    if (peek()?.type === "slash") fail(`navigation paths such as '${token.text}/…' are not supported.`);
    return token.text;
  };

  const primary = (): ParsedFilter => {
    const token = peek();
    if (!token) return fail("expected an expression.");
    if (token.type === "lparen") {
      next();
      const inner = or();
      expect("rparen", "')'");
      return inner;
    }
    if (token.type === "word" && token.text === "not") {
      next();
      return { kind: "not", operand: primary() };
    }
    if (token.type === "word" && tokens[position + 1]?.type === "lparen") {
      if (!FUNCTIONS.has(token.text)) return fail(`unknown function '${token.text}'.`);
      next();
      next();
      const name = property();
      expect("comma", "','");
      const literalToken = next() ?? fail("expected a literal.");
      const literal = literalOf(literalToken, dialect, source);
      expect("rparen", "')'");
      return { kind: "function", name: token.text as "contains", property: name, literal };
    }
    const name = property();
    const operator = next();
    if (!operator || operator.type !== "word" || !COMPARISONS.has(operator.text)) {
      return fail(operator ? `'${operator.text}' is not a supported operator.` : "expected an operator.");
    }
    const literalToken = next() ?? fail("expected a literal.");
    if (literalToken.type !== "string" && literalToken.type !== "word") return fail("expected a literal.");
    if (
      literalToken.type === "word" &&
      IDENTIFIER.test(literalToken.text) &&
      !["null", "true", "false"].includes(literalToken.text)
    ) {
      return fail("comparing two properties is not supported.");
    }
    return {
      kind: "compare",
      property: name,
      op: operator.text as ComparisonOperator,
      literal: literalOf(literalToken, dialect, source),
    };
  };
  const and = (): ParsedFilter => {
    let left = primary();
    while (peek()?.type === "word" && peek()!.text === "and") {
      next();
      left = { kind: "and", left, right: primary() };
    }
    return left;
  };
  const or = (): ParsedFilter => {
    let left = and();
    while (peek()?.type === "word" && peek()!.text === "or") {
      next();
      left = { kind: "or", left, right: and() };
    }
    return left;
  };

  if (tokens.length === 0) fail("the filter is empty.");
  const result = or();
  if (position < tokens.length) fail(`unexpected '${peek()!.text}'.`);
  return result;
}

/** Every property a filter mentions. */
export function filterProperties(filter: ParsedFilter): string[] {
  switch (filter.kind) {
    case "and":
    case "or":
      return [...filterProperties(filter.left), ...filterProperties(filter.right)];
    case "not":
      return filterProperties(filter.operand);
    default:
      return [filter.property];
  }
}
