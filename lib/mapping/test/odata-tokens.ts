/** Splits OData $filter text into tokens, as a server would, so tests can prove what is data and what is syntax. */
export type Token =
  { kind: "string"; value: string } | { kind: "word"; value: string } | { kind: "punct"; value: string };

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " ") {
      i++;
    } else if (c === "'") {
      let value = "";
      i++;
      for (;;) {
        if (i >= text.length) throw new Error("unterminated string");
        if (text[i] === "'" && text[i + 1] === "'") {
          value += "'";
          i += 2;
        } else if (text[i] === "'") {
          i++;
          break;
        } else value += text[i++];
      }
      tokens.push({ kind: "string", value });
    } else if ("(),".includes(c)) {
      tokens.push({ kind: "punct", value: c });
      i++;
    } else {
      let value = "";
      while (i < text.length && !" '(),".includes(text[i]!)) value += text[i++];
      tokens.push({ kind: "word", value });
    }
  }
  return tokens;
}
