import { Document, isCollection, isMap, isPair, isScalar, parseDocument, YAMLParseError } from 'yaml';
import { parseFast } from './fastYaml';
import { patchEdit } from './patch';
import { lastAtMost } from '../sorted';
import { detach, splitDocuments } from './split';
import { OPTIONS } from './yamlOptions';

export { detach, splitDocuments };

/**
 * One `---` document of a file. The YAML AST's offsets are relative to the
 * chunk (`text`); add `start` for offsets in the file. The chunk and its AST
 * are shared between versions of a file while the chunk's text is unchanged,
 * so anything derived from them (detection, diagnostics) can be cached on it.
 */
export interface YamlChunk {
  readonly text: string;
  /** The AST, parsed on first use: a request only parses the documents it looks at. */
  readonly yaml: Document.Parsed;
  /** True when the document is over MAX_DOCUMENT_BYTES and was not parsed (its AST is empty). */
  readonly tooLarge: boolean;
  /** True when the document has over MAX_ALIASES aliases and was not parsed (its AST is empty). */
  readonly tooManyAliases: boolean;
  /** Per-chunk memo for derived analyses, keyed by analysis name. Values must not hold the AST's nodes (see nodeMemo). */
  readonly memo: Map<string, unknown>;
  /** Per-chunk memo for analyses that hold the AST's nodes (detected resources): emptied when the AST is dropped. */
  readonly nodeMemo: Map<string, unknown>;
  /**
   * Runs `read`, which may parse the chunk, for a pass over the whole file
   * (validation, the outline) that keeps only plain results. If the chunk
   * had no AST before and is smaller than PATCH_FROM_CHARS, the AST is dropped
   * again afterwards: a feature that needs it later parses it anew, which for
   * a document that size costs less than keeping every document's AST alive.
   * The trade, measured on big-multidoc in a same-run A/B (3 rounds of 3
   * fresh servers): opening it 498 -> 446 ms (medians; the trees die young,
   * so scavenges copy less), peak RSS 94-97 -> 86-92 MB (the 100,000-line
   * file: about 227 -> 175 MB), against the first hover in each document,
   * which parses it again: hover p50 0.51-0.65 -> 0.57-0.82 ms, p95 1.4-1.5
   * -> 3.1-5.1 ms over 40 hovers in 40 documents.
   */
  readOnce<T>(read: () => T): T;
  /** Whether the chunk holds its AST now (for tests and measurements). */
  readonly hasAst: boolean;
}

/**
 * One `---` document larger than this is not parsed: the YAML parser needs
 * about 0.3 s per MB, and no hand-written Pod comes near it. Files may be
 * larger: only the documents a request touches are parsed.
 */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;

/**
 * A document with more aliases (`*name`) than this is not parsed either: the
 * YAML parser's alias resolution is quadratic (10,000 chained aliases take
 * seconds), no hand-written manifest comes near it, and the API server
 * rejects excessive aliasing too. Counted with a cheap over-approximation.
 */
export const MAX_ALIASES = 1_000;
const ALIAS = /(?:^|[\s[{,:])\*[^\s[\]{},]/g;

function tooManyAliases(text: string): boolean {
  if (!text.includes('*')) return false;
  const re = new RegExp(ALIAS.source, 'g');
  let n = 0;
  while (re.exec(text)) if (++n > MAX_ALIASES) return true;
  return false;
}

export interface YamlDocument {
  /** Offset of the chunk in the file. */
  readonly start: number;
  readonly chunk: YamlChunk;
}

export interface ParsedFile {
  readonly text: string;
  readonly documents: readonly YamlDocument[];
  /** How many chunks are new in this version (the rest, and their parses, were reused). */
  readonly newChunks: number;
}

class Chunk implements YamlChunk {
  readonly memo = new Map<string, unknown>();
  readonly nodeMemo = new Map<string, unknown>();
  readonly tooLarge: boolean;
  readonly tooManyAliases: boolean;
  private parsed: Document.Parsed | undefined;

  constructor(readonly text: string) {
    this.tooLarge = text.length > MAX_DOCUMENT_BYTES;
    this.tooManyAliases = !this.tooLarge && tooManyAliases(text);
  }

  get yaml(): Document.Parsed {
    if (!this.parsed) {
      const text = this.tooLarge || this.tooManyAliases ? '' : this.text;
      // The common block style through our own parser (same AST, several times faster; it leaves documents
      // with duplicate keys to yaml, so needs no check), anything else through `yaml`.
      this.parsed = parseFast(text) ?? withDuplicateKeys(parseWithYaml(text));
    }
    return this.parsed;
  }

  get hasAst(): boolean {
    return this.parsed !== undefined;
  }

  readOnce<T>(read: () => T): T {
    if (this.parsed || this.text.length >= PATCH_FROM_CHARS) return read();
    try {
      return read();
    } finally {
      this.parsed = undefined;
      this.nodeMemo.clear();
    }
  }

  /**
   * Hands this chunk's AST, patched in place to `next`'s text, over to `next`
   * (which has none), when parse/patch.ts can apply the edit (typing in a
   * plain scalar, a new or deleted empty line); this chunk parses its own
   * text again if still asked. `next` may be new, or a chunk the pool already
   * had for that text (undoing an edit), which keeps its cached analyses.
   */
  handOver(next: Chunk): boolean {
    const doc = this.parsed;
    if (!doc || next.parsed || this.tooLarge || this.tooManyAliases || next.tooLarge || next.tooManyAliases) return false;
    if (!patchEdit(doc, this.text, next.text)) return false;
    // The AST is now the other chunk's, patched: nodes detected in it are no longer this chunk's.
    this.parsed = undefined;
    this.nodeMemo.clear();
    // No duplicate-key walk: a patch never adds a duplicate key (patch.ts), and it had none (no errors).
    next.parsed = doc;
    next.nodeMemo.clear();
    return true;
  }
}

/**
 * The `yaml` package's parse. Its errors are Error objects, and a broken or
 * templated document can have hundreds: without stack traces (never shown;
 * the message and position are what we report) they cost a fraction.
 */
function parseWithYaml(text: string): Document.Parsed {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parseDocument(text, OPTIONS) as Document.Parsed;
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The parser's duplicate-key errors, added in linear time (the parser's own check is off). */
function withDuplicateKeys(doc: Document.Parsed): Document.Parsed {
  const duplicates = duplicateKeyErrors(doc);
  if (duplicates.length > 0) doc.errors = [...doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY'), ...duplicates].sort((a, b) => a.pos[0] - b.pos[0]);
  return doc;
}

/**
 * The parser's DUPLICATE_KEY errors, as it would report them with `uniqueKeys`
 * on (scalar keys equal by value, `1` and `"1"` distinct), with a Map per map
 * and an explicit stack: linear, and no recursion on deep nesting.
 */
function duplicateKeyErrors(doc: Document.Parsed): YAMLParseError[] {
  const out: YAMLParseError[] = [];
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      stack.push(node.value, node.key);
      continue;
    }
    if (!isCollection(node)) continue;
    const seen = isMap(node) ? new Set<unknown>() : undefined;
    for (const item of node.items) {
      if (seen && isPair(item) && isScalar(item.key) && !Number.isNaN(item.key.value)) {
        const key = item.key;
        if (seen.has(key.value) && key.range) out.push(new YAMLParseError([key.range[0], key.range[0] + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
        seen.add(key.value);
      }
    }
    for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
  }
  return out;
}

export function parseChunk(text: string): YamlChunk {
  return new Chunk(text);
}

/**
 * The chunks alive in a language service, by text: a `---` document whose
 * text some open file already has is the same chunk, with its parse and its
 * cached analyses (diagnostics, outline), wherever it stands. Opening the
 * other side of a diff, reopening a closed file whose chunks are not yet
 * collected, pasting a copy of a document, or a file that repeats documents
 * then costs a lookup per document. Everything cached on a chunk is counted
 * from the chunk's own start, so it holds at any position and in any file.
 *
 * Weak: a chunk no file holds any more is collected as before, and its entry
 * removed. Only for a service whose files are each parsed in their own event
 * loop turn (the server): a WeakRef keeps its target alive until the turn
 * ends, so a CLI linting thousands of files in one turn would keep them all.
 */
export class ChunkPool {
  private readonly chunks = new Map<string, WeakRef<Chunk>>();
  private readonly gone = new FinalizationRegistry<string>((text) => {
    if (this.chunks.get(text)?.deref() === undefined) this.chunks.delete(text);
  });

  /** The live chunk with this text, if any. */
  get(text: string): Chunk | undefined {
    return this.chunks.get(text)?.deref();
  }

  add(chunk: Chunk): void {
    this.chunks.set(chunk.text, new WeakRef(chunk));
    this.gone.register(chunk, chunk.text);
  }
}

/**
 * From this size on, an edit inside a scalar patches the document's AST
 * instead of parsing it again (below it, a parse takes a few milliseconds).
 * A variable so tests can patch small documents too.
 */
export let PATCH_FROM_CHARS = 16 * 1024;
export function setPatchFromChars(chars: number): void {
  PATCH_FROM_CHARS = chars;
}

/**
 * Splits a file into documents, reusing the chunks of `previous` whose text is
 * unchanged: an edit re-parses only the `---` documents it touched, and each
 * document is parsed only when something first looks at it. Chunks are
 * aligned from both ends (an edit in one place leaves the chunks before it and
 * after it equal), which also handles inserted or removed documents.
 */
export function parseFile(text: string, previous?: ParsedFile, pool?: ChunkPool): ParsedFile {
  const starts = splitDocuments(text);
  const texts = starts.map((s, i) => text.slice(s, i + 1 < starts.length ? starts[i + 1] : text.length));
  return parseDocumentTexts(texts, () => text, previous, detach, pool);
}

/**
 * The same from texts already split at `---` (ChunkedDocument keeps them so),
 * whose unchanged pieces are the previous version's strings: they compare by
 * identity. The whole text is joined only if a feature asks for `text`.
 */
export function parseDocumentTexts(
  texts: readonly string[],
  wholeText: () => string,
  previous?: ParsedFile,
  own: (piece: string) => string = (piece) => piece,
  pool?: ChunkPool,
): ParsedFile {
  const old = previous?.documents ?? [];
  const reused: (YamlChunk | undefined)[] = new Array(texts.length);
  let head = 0;
  while (head < texts.length && head < old.length && old[head].chunk.text === texts[head]) {
    reused[head] = old[head].chunk;
    head++;
  }
  let tail = 0;
  while (
    tail < texts.length - head &&
    tail < old.length - head &&
    old[old.length - 1 - tail].chunk.text === texts[texts.length - 1 - tail]
  ) {
    reused[texts.length - 1 - tail] = old[old.length - 1 - tail].chunk;
    tail++;
  }
  // One large document edited in a way parse/patch.ts handles (typing a value, Enter): patch its AST rather than parse it again.
  const edited = texts.length === old.length && head + tail === texts.length - 1 ? old[head].chunk : undefined;
  let patched: Chunk | undefined;
  if (edited instanceof Chunk && texts[head].length >= PATCH_FROM_CHARS) {
    // Undoing an edit finds the chunk of the text before it in the pool, with its diagnostics but without
    // its AST (the edit took it over): patched back, it gets one without a parse.
    const pooled = pool?.get(texts[head]);
    if (pooled) {
      if (!pooled.hasAst) edited.handOver(pooled);
      patched = pooled;
    } else {
      const next = new Chunk(own(texts[head]));
      if (edited.handOver(next)) {
        patched = next;
        pool?.add(next);
      }
    }
  }
  let newChunks = 0;
  let start = 0;
  const documents = texts.map((chunkText, i) => {
    let chunk: YamlChunk | undefined = reused[i] ?? (i === head ? patched : undefined) ?? pool?.get(chunkText);
    if (!chunk) {
      const made = new Chunk(own(chunkText));
      pool?.add(made);
      chunk = made;
      newChunks++;
    }
    const doc = { start, chunk };
    start += chunkText.length;
    return doc;
  });
  let text: string | undefined;
  return {
    get text() {
      return (text ??= wholeText());
    },
    documents,
    newChunks,
  };
}


/** The document containing a file offset (binary search over chunk starts). */
export function documentAt(file: ParsedFile, offset: number): YamlDocument | undefined {
  const docs = file.documents;
  return docs[lastAtMost(docs.length, (i) => docs[i].start, offset)];
}
