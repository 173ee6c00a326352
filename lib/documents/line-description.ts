/** The ERP's Description field holds 100 characters. */
export const ERP_DESCRIPTION_LENGTH = 100;

/** Text in pieces of at most `size` characters, one set per text line (BC's SetLineDescription). */
export function descriptionChunks(text: string, size = ERP_DESCRIPTION_LENGTH): string[] {
  return text
    .split(/\r?\n/)
    .filter((line) => line.trim() !== "")
    .flatMap((line) => {
      const chars = [...line]; // code points: a split never cuts a character in two
      const pieces: string[] = [];
      for (let i = 0; i < chars.length; i += size) pieces.push(chars.slice(i, i + size).join(""));
      return pieces;
    });
}

/**
 * Where a line's text goes: a write-in line keeps its first 100 characters on the line and the rest in comment
 * lines; a product line keeps a text that fits on the line, and a longer one goes whole into comment lines.
 */
export function splitLineText(text: string | null, writeIn: boolean): { onLine: string | null; comments: string[] } {
  if (!text || text.trim() === "") return { onLine: null, comments: [] };
  const chunks = descriptionChunks(text);
  if (writeIn) return { onLine: chunks[0] ?? null, comments: chunks.slice(1) };
  if (chunks.length === 1) return { onLine: chunks[0]!, comments: [] };
  return { onLine: null, comments: chunks };
}
