// Splitting a file at its `---` markers, without the YAML parser: the server
// keeps open documents split (chunkedDocument.ts) before it loads the parser.

/**
 * Splits text into `---` chunks. A line that starts with `---` followed by
 * whitespace or the end of the line is always a document marker in YAML 1.2
 * (it cannot be content, not even inside a block scalar), so a line scan finds
 * every boundary without parsing.
 */
export function splitDocuments(text: string): number[] {
  const starts = [0];
  let pos = text.startsWith('---') && isMarkerEnd(text, 3) ? 3 : 0;
  for (;;) {
    const nl = text.indexOf('\n---', pos);
    if (nl < 0) break;
    const at = nl + 1;
    if (isMarkerEnd(text, at + 3)) starts.push(at);
    pos = at + 3;
  }
  return starts;
}

export function isMarkerEnd(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/**
 * A copy of a slice that no longer points into the whole file's text: a
 * chunk lives on across versions, and a V8 sliced string would keep every
 * old version of a large file alive with it. Slicing a concatenation flattens
 * it into a new string of the slice's length plus one, and the result points
 * into that instead (split.test.ts measures that it holds). A JSON round trip
 * did the same at five times the cost: 11 against 2 ms over big-multidoc's
 * 612 documents in a fresh process, on every open.
 */
export function detach(slice: string): string {
  return slice.length < 13 ? slice : (' ' + slice).slice(1);
}
