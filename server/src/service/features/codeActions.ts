import type { CodeAction, CodeActionContext, Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleLevels } from '../config';
import type { Locale } from '../l10n';
import { documentAt, ParsedFile, YamlDocument } from '../parse/documents';
import type { Schema } from '../schema/model';
import { ruleFixes } from './fixes/ruleFixes';
import { enumFixes, unknownFieldFixes, unquoteFixes, yaml11BooleanFixes } from './fixes/schemaFixes';
import { disableLineEdit, disableObjectEdit } from './fixes/suppress';
import { disjoint, Edit, indentUnit, Source } from './fixes/text';
import { Titles, titles } from './fixes/titles';
import type { Fix } from './fixes/types';
import { doValidation } from './validation';
import { CODE_ACTION_KINDS, FIX_ALL_KIND, SHOW_RULE_DOCS_COMMAND } from './codeActionKinds';

export interface CodeActionOptions {
  readonly locale: Locale;
  /** Rule levels in effect, so "fix all" only touches problems the user sees. */
  readonly rules?: RuleLevels;
}

export { CODE_ACTION_KINDS, FIX_ALL_KIND, SHOW_RULE_DOCS_COMMAND };

/** Codes whose preferred fix is safe to apply everywhere at once. */
const SAFE_CODES = new Set(['unknown-field', 'invalid-type', 'ambiguous-boolean']);
/** Findings a comment or annotation cannot silence. */
const NOT_SILENCEABLE = new Set(['unknown-rule-id']);

/**
 * Quick fixes for PodSense diagnostics in `range`: rule and schema fixes,
 * silencing for the line or the object, the rule's documentation, "fix all"
 * for the safe fixes, and `source.fixAll.podsense` when asked for. Edits are
 * minimal text edits computed from the AST; nothing is re-serialised.
 */
export function doCodeActions(
  schema: Schema,
  file: ParsedFile,
  document: TextDocument,
  range: Range,
  context: CodeActionContext,
  options: CodeActionOptions,
): CodeAction[] {
  try {
    // A file parsed from another text than the document's gets nothing. Compared by length: the whole
    // text of a large file is only joined when a fix needs it.
    if (lengthOf(file) !== document.offsetAt({ line: document.lineCount, character: 0 })) return [];
    const t = titles(options.locale);
    const only = context.only;
    const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
    const out: CodeAction[] = [];
    let all: Diagnostic[] | undefined;
    const fileDiagnostics = () => (all ??= doValidation(schema, file, document, { locale: options.locale, rules: options.rules }));
    if (wants('quickfix')) {
      const fixAllOffered = new Set<string>();
      for (const d of context.diagnostics ?? []) {
        if (d.source !== 'podsense' || typeof d.code !== 'string' || !overlaps(d.range, range)) continue;
        const id = d.code;
        const fixes = fixesFor(schema, file, document, d, t);
        for (const f of fixes) out.push(quickFix(document, f.title, f.edits, [d], f.preferred));
        if (SAFE_CODES.has(id) && !fixAllOffered.has(id) && fixes.some((f) => f.safe)) {
          fixAllOffered.add(id);
          const every = safeFixes(schema, file, document, fileDiagnostics().filter((x) => x.code === id), t);
          if (every.fixed.length > 1) {
            out.push(quickFix(document, t.fixAll(id), every.edits, every.fixed, false));
          }
        }
        out.push(...silencing(schema, file, document, d, id, t));
        const href = d.codeDescription?.href;
        if (href) {
          const title = t.showDocs(id);
          out.push({ title, kind: 'quickfix', diagnostics: [d], command: { title, command: SHOW_RULE_DOCS_COMMAND, arguments: [id, href] } });
        }
      }
    }
    if (only && wants(FIX_ALL_KIND)) {
      const every = safeFixes(schema, file, document, fileDiagnostics(), t);
      if (every.edits.length > 0) out.push({ title: t.fixAllSource, kind: FIX_ALL_KIND, diagnostics: every.fixed, edit: workspaceEdit(document, every.edits) });
    }
    return out;
  } catch {
    return [];
  }
}

function lengthOf(file: ParsedFile): number {
  const last = file.documents[file.documents.length - 1];
  return last ? last.start + last.chunk.text.length : 0;
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function before(p: Range['start'], q: Range['start']): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

interface At {
  readonly doc: YamlDocument;
  readonly src: Source;
  readonly offset: number;
  readonly rel: number;
}

function at(file: ParsedFile, document: TextDocument, d: Diagnostic): At | undefined {
  const offset = document.offsetAt(d.range.start);
  const doc = documentAt(file, offset);
  if (!doc || doc.chunk.tooLarge || doc.chunk.tooManyAliases) return undefined;
  return { doc, src: { text: file.text, base: doc.start, unit: unitOf(doc) }, offset, rel: offset - doc.start };
}

function unitOf(doc: YamlDocument): string {
  let unit = doc.chunk.memo.get('indentUnit') as string | undefined;
  if (unit === undefined) {
    unit = indentUnit(doc.chunk.text);
    doc.chunk.memo.set('indentUnit', unit);
  }
  return unit;
}

function fixesFor(schema: Schema, file: ParsedFile, document: TextDocument, d: Diagnostic, t: Titles): Fix[] {
  const where = at(file, document, d);
  if (!where || typeof d.code !== 'string') return [];
  const { doc, src, offset, rel } = where;
  try {
    switch (d.code) {
      case 'unknown-field':
        return unknownFieldFixes(schema, doc, src, offset, t);
      case 'invalid-enum-value':
        return enumFixes(schema, doc, src, offset, t);
      case 'invalid-type':
        return unquoteFixes(schema, doc, src, offset, t);
      case 'ambiguous-boolean':
        return yaml11BooleanFixes(schema, doc, src, offset, t);
      default:
        return ruleFixes(d.code, doc, src, rel, t);
    }
  } catch {
    return [];
  }
}

/** The preferred safe fix of each diagnostic, without overlapping edits. */
function safeFixes(schema: Schema, file: ParsedFile, document: TextDocument, diagnostics: readonly Diagnostic[], t: Titles) {
  const edits: Edit[] = [];
  const fixed: Diagnostic[] = [];
  for (const d of diagnostics) {
    if (typeof d.code !== 'string' || !SAFE_CODES.has(d.code)) continue;
    const f = fixesFor(schema, file, document, d, t).find((x) => x.safe && x.preferred);
    if (!f) continue;
    const kept = disjoint([...edits, ...f.edits]);
    if (kept.length !== edits.length + f.edits.length) continue;
    edits.push(...f.edits);
    fixed.push(d);
  }
  return { edits: disjoint(edits), fixed };
}

function silencing(schema: Schema, file: ParsedFile, document: TextDocument, d: Diagnostic, id: string, t: Titles): CodeAction[] {
  const where = at(file, document, d);
  if (!where || NOT_SILENCEABLE.has(id)) return [];
  const out: CodeAction[] = [];
  try {
    const line = disableLineEdit(where.src, where.offset, id);
    if (line) out.push(quickFix(document, t.disableLine(id), [line], [d], false));
    const object = disableObjectEdit(schema, where.doc, where.src, where.rel, id);
    if (object) out.push(quickFix(document, t.disableObject(id), [object], [d], false));
  } catch {
    // Silencing is a convenience: odd input gets none.
  }
  return out;
}

function quickFix(document: TextDocument, title: string, edits: readonly Edit[], diagnostics: Diagnostic[], preferred: boolean | undefined): CodeAction {
  const action: CodeAction = { title, kind: 'quickfix', diagnostics, edit: workspaceEdit(document, edits) };
  if (preferred) action.isPreferred = true;
  return action;
}

function workspaceEdit(document: TextDocument, edits: readonly Edit[]): WorkspaceEdit {
  const textEdits: TextEdit[] = edits.map((e) => ({
    range: { start: document.positionAt(e.start), end: document.positionAt(e.end) },
    newText: e.newText,
  }));
  return { changes: { [document.uri]: textEdits } };
}
