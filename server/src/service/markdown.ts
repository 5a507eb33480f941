/**
 * Escapes Markdown in upstream text while keeping its `code spans`: the
 * Kubernetes descriptions write placeholders like <name> and globs like
 * *.example.com that a Markdown renderer would otherwise eat or italicise.
 */
export function escapeMarkdown(text: string): string {
  return text
    .split(/(`[^`\n]*`|https?:\/\/[^\s)\]>"'`]+)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\\*_<>[\]]/g, (c) => `\\${c}`).replace(/^(\s*)([#>+-]|\d+\.)(?=\s)/gm, '$1\\$2')))
    .join('');
}

/** A short readable label for a documentation URL: `kubernetes.io › pod-lifecycle#pod-phase`. */
export function linkLabel(url: string): string {
  try {
    const u = new URL(url);
    const segments = u.pathname.split('/').filter(Boolean);
    const last = segments[segments.length - 1] ?? '';
    return `${u.hostname.replace(/^www\./, '')} › ${last.replace(/\.md$/, '')}${u.hash}`;
  } catch {
    return url;
  }
}
