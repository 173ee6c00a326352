// No imports: next.config.ts loads this module while the config itself is being read.

/** The draft limit of save-draft, in UTF-8 bytes (designer-schemas.ts exports it as MAX_DRAFT_BYTES). */
export const DRAFT_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * Room around the draft in a server action's body: React's reply encoding of `{ graph, baseHash }` (the argument list,
 * the key names, the 64-digit hash, "$"-escaped strings and the escapes of quotes and backslashes inside the draft).
 */
export const ACTION_ENVELOPE_BYTES = 1024 * 1024;

/** `experimental.serverActions.bodySizeLimit`: any draft save-draft accepts gets through; much more is refused (413). */
export const SERVER_ACTION_BODY_LIMIT_BYTES = DRAFT_LIMIT_BYTES + ACTION_ENVELOPE_BYTES;
