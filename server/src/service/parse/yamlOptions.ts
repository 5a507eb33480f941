/**
 * The options every document is parsed with, by `yaml` (documents.ts) and by
 * the fast parser, which builds the same syntax tree (fastYaml.ts, fastNodes.ts).
 *
 * Aliases are never expanded: we walk the AST, which keeps alias nodes, and
 * never call toJS(). Duplicate keys stay in the AST; the parser's own check
 * compares each key with every earlier one (quadratic: a 1 MB flow map of
 * 100,000 keys took over a minute), so it is off and duplicateKeyErrors does
 * the same check in linear time.
 */
export const OPTIONS = { prettyErrors: false, strict: false, uniqueKeys: false } as const;
