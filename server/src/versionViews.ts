/**
 * URI schemes under which editors show another version of a file: the
 * read-only side of a diff (VS Code's `git:`, GitLens, the GitHub pull request
 * extension's `pr:` and `review:`, vim-fugitive, diffview.nvim). PodSense
 * reports no problems in them: they would sit in the Problems panel beside
 * the working file's own, twice for every finding the file had at that
 * version, and stay after the diff is closed (microsoft/vscode#137952).
 * Hover, completion and the outline still work there.
 */
const VERSION_VIEW_SCHEMES = new Set(['git', 'gitlens', 'pr', 'review', 'fugitive', 'diffview']);

export function isVersionView(uri: string): boolean {
  const colon = uri.indexOf(':');
  return colon > 0 && VERSION_VIEW_SCHEMES.has(uri.slice(0, colon).toLowerCase());
}
