import type { Diagnostic, Hover } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadSchemaData } from '../../server/src/schemaFile';
import { getLanguageService, LanguageService, Locale } from '../../server/src/service';
import { join } from 'node:path';

let cached: LanguageService | undefined;

/** One language service per test process, over the generated schema model. */
export function service(): LanguageService {
  cached ??= getLanguageService(loadSchemaData(join(__dirname, '..', '..', 'server', 'generated')));
  return cached;
}

let sharing: LanguageService | undefined;

/** A second service as the server makes it: files share their `---` documents by text (ChunkPool). */
export function sharingService(): LanguageService {
  sharing ??= getLanguageService(loadSchemaData(join(__dirname, '..', '..', 'server', 'generated')), { shareDocuments: true });
  return sharing;
}

/** Splits YAML with one `|` cursor marker into text and offset. */
export function cursor(src: string): { text: string; offset: number } {
  const offset = src.indexOf('|');
  if (offset < 0 || src.indexOf('|', offset + 1) >= 0) throw new Error('test YAML needs exactly one | cursor marker');
  return { text: src.slice(0, offset) + src.slice(offset + 1), offset };
}

export function doc(text: string, uri = 'file:///test.yaml'): TextDocument {
  return TextDocument.create(uri, 'yaml', 1, text);
}

/** Hover markdown at the `|` marker, or null. */
export function hoverAt(src: string, locale: Locale = 'en'): string | null {
  const { text, offset } = cursor(src);
  return hoverText(hoverRaw(text, offset, locale));
}

export function hoverRaw(text: string, offset: number, locale: Locale = 'en'): Hover | null {
  const ls = service();
  const d = doc(text);
  return ls.doHover(ls.parse(text), d, d.positionAt(offset), { locale });
}

export function hoverText(h: Hover | null): string | null {
  if (!h) return null;
  const c = h.contents;
  if (typeof c === 'object' && c !== null && 'kind' in c) return c.value;
  throw new Error('hover contents must be MarkupContent');
}

/** Dedent a template literal so YAML fixtures can be indented in the test source. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n\s*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** All diagnostics for a YAML text. */
export function diagnostics(text: string, locale: Locale = 'en'): Diagnostic[] {
  const ls = service();
  return ls.doValidation(ls.parse(text), doc(text), { locale });
}

/** Compact form for assertions: `line:col code` (1-based, like the CLI will print). */
export function findings(text: string, code?: string, locale: Locale = 'en'): string[] {
  return diagnostics(text, locale)
    .filter((d) => code === undefined || d.code === code)
    .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code}`);
}

/** The messages of the diagnostics with a code (our messages are always plain strings). */
export function messages(text: string, code: string, locale: Locale = 'en'): string[] {
  return diagnostics(text, locale)
    .filter((d) => d.code === code)
    .map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}
