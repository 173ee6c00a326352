// No Node APIs: proxy.ts builds the policy for every page request.

/** A fresh, unguessable nonce for one response (128 random bits, base64). */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

/**
 * The policy the pages run under. Scripts: only those carrying this response's nonce (Next puts it on its own), and
 * what they load ('strict-dynamic'); `next dev` also needs eval. Styles: 'unsafe-inline', because server-rendered
 * `style` attributes (React Flow's node transforms, widths) cannot carry a nonce; styles cannot run script.
 */
export function contentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
