// An origin that cannot be anyone's: a path that resolves against it to another origin is not a path on this site.
const BASE = new URL("http://return-path.invalid");

// Control characters and backslashes: browsers drop tabs and newlines inside URLs and read `\` as `/`, which turns
// `/\t/evil.example` or `/\evil.example` into a protocol-relative URL to another host.
const UNSAFE = /[\p{Cc}\\]/u;

const MAX_LENGTH = 2000;

/** Only same-site paths are followed after sign-in; anything else goes home. */
export function safeReturnPath(candidate: string | null | undefined): string {
  if (!candidate || candidate.length > MAX_LENGTH || UNSAFE.test(candidate)) return "/";
  if (!candidate.startsWith("/") || candidate.startsWith("//")) return "/";
  let url: URL;
  try {
    url = new URL(candidate, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE.origin || url.pathname.startsWith("//")) return "/";
  if (url.pathname === "/login" || url.pathname.startsWith("/login/") || url.pathname.startsWith("/api/")) return "/";
  return candidate;
}
