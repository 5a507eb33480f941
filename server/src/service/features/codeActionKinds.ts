/**
 * The code action kinds and client command, apart from the code actions
 * themselves: the server announces them in its initialize result before it
 * loads the language service.
 */

/** The client command that opens a rule's documentation: `[id, href]`. */
export const SHOW_RULE_DOCS_COMMAND = 'podsense.showRuleDocs';
/** Our `source.fixAll` kind: every safe fix in the file, for fix-on-save. */
export const FIX_ALL_KIND = 'source.fixAll.podsense';
/** The kinds to announce in `codeActionProvider.codeActionKinds`. */
export const CODE_ACTION_KINDS: readonly string[] = ['quickfix', FIX_ALL_KIND];
