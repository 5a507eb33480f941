/**
 * PodSense inside a real VS Code: the extension host with the real `vscode`
 * API, the bundled client and language server. Runs in VS Code desktop
 * (`npm run test:vscode`) and in code-server's workbench (`npm run test:e2e`).
 *
 * The workspace is a copy of test/e2e/fixtures/workspace. Every wait is on a
 * condition (diagnostics changing, the extension activating) with a timeout.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'mocha';
import * as vscode from 'vscode';

const EXTENSION_ID = 'podsense.podsense';
const WAIT_MS = 15_000;

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the launcher opens test/e2e/fixtures/workspace (a copy of it) as the workspace folder');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(name: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  await vscode.window.showTextDocument(document);
  return document;
}

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);
const ours = (uri: vscode.Uri): vscode.Diagnostic[] => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'podsense');
const summary = (uri: vscode.Uri): string =>
  ours(uri).map((d) => `${d.range.start.line + 1}:${codeOf(d)}:${vscode.DiagnosticSeverity[d.severity]}`).join(', ') || 'none';

/**
 * Resolves with the first truthy value of `probe`, evaluated now, on every
 * diagnostics change and every 100 ms (other state, like document text, has no
 * event here); rejects after `ms` with `what` and the last state.
 */
function waitFor<T>(what: string, probe: () => T | undefined | false | null, describeState: () => string = () => '', ms = WAIT_MS): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const check = (): boolean => {
      const value = probe();
      if (!value) return false;
      finish();
      resolve(value);
      return true;
    };
    const subscription = vscode.languages.onDidChangeDiagnostics(() => void check());
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`timed out after ${ms} ms waiting for ${what}${describeState() ? `; now: ${describeState()}` : ''}`));
    }, ms);
    function finish(): void {
      subscription.dispose();
      clearInterval(poll);
      clearTimeout(timer);
    }
    check();
  });
}

const waitForCode = (uri: vscode.Uri, code: string, severity?: vscode.DiagnosticSeverity) =>
  waitFor(
    `${code}${severity === undefined ? '' : ` (${vscode.DiagnosticSeverity[severity]})`} on ${uri.toString(true)}`,
    () => ours(uri).find((d) => codeOf(d) === code && (severity === undefined || d.severity === severity)),
    () => summary(uri),
  );

const hoverText = (hovers: vscode.Hover[]): string =>
  hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');

const labelOf = (item: vscode.CompletionItem): string => (typeof item.label === 'string' ? item.label : item.label.label);

function positionOf(document: vscode.TextDocument, text: string): vscode.Position {
  const offset = document.getText().indexOf(text);
  assert.ok(offset >= 0, `"${text}" in ${document.uri.toString(true)}`);
  return document.positionAt(offset);
}

describe('PodSense in the VS Code workbench', () => {
  before(async () => {
    // Nothing else may write diagnostics under our source name; the YAML
    // extensions that might are not installed in the test profile.
    await vscode.workspace.getConfiguration('podsense').update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('podsense').update('rules', undefined, vscode.ConfigurationTarget.Global);
  });

  it('activates on a YAML file', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is installed`);
    await open('pod.yaml');
    await waitFor('the extension to activate', () => extension.isActive);
    assert.equal(extension.packageJSON.name, 'podsense');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('podsense.restartServer'), 'podsense.restartServer is registered');
    assert.ok(commands.includes('podsense.showRuleDocs'), 'podsense.showRuleDocs is registered');
  });

  it('reports a Pod fixture with rule ids, severities and documentation links', async () => {
    const { uri } = await open('pod.yaml');
    const hostPid = await waitForCode(uri, 'host-pid');
    await waitForCode(uri, 'latest-tag');
    assert.equal(hostPid.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(hostPid.range.start.line, 6, 'on the hostPID line');
    assert.match(hostPid.message, /node's PID namespace/);
    assert.ok(typeof hostPid.code === 'object' && /^https:\/\//.test(hostPid.code.target.toString()), 'the code links to the rule docs');
  });

  it('reports nothing on a YAML file that is not Kubernetes', async () => {
    const compose = await open('compose.yaml');
    // The server answers documents in order: once a Kubernetes file opened
    // after the Compose file has diagnostics, the Compose file had its turn.
    const later = await open('silenced.yaml');
    await waitForCode(later.uri, 'host-ipc');
    assert.deepEqual(ours(compose.uri), [], `diagnostics on compose.yaml: ${summary(compose.uri)}`);
  });

  it('hovers shareProcessNamespace with our explanation', async () => {
    const document = await open('pod.yaml');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      document.uri,
      positionOf(document, 'shareProcessNamespace').translate(0, 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /shareProcessNamespace/);
    assert.match(text, /What it does to the Pod/);
    assert.match(text, /PID namespace/);
    assert.match(text, /kubectl explain pod\.spec\.shareProcessNamespace/);
  });

  it('completes keys under spec: hostAliases offered, present keys left out', async () => {
    const document = await open('completion.yaml');
    const line = positionOf(document, '\nspec:').line + 2;
    assert.equal(document.lineAt(line).text, '  ', 'the fixture has an indented empty line under spec:');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(line, 2),
    );
    const labels = list.items.map(labelOf);
    assert.ok(labels.includes('hostAliases'), `hostAliases among ${labels.length} items`);
    assert.ok(labels.includes('shareProcessNamespace'), 'shareProcessNamespace offered');
    for (const present of ['containers', 'restartPolicy']) assert.ok(!labels.includes(present), `${present} is already present`);
    assert.ok(!labels.includes('apiVersion'), 'no top-level keys inside spec');
  });

  it('lists a contributed snippet', async () => {
    // An empty YAML document: VS Code's snippet provider offers the snippets
    // of snippets/kubernetes.json (kind Snippet), next to the server's
    // resource skeletons (kind Module).
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content: '' });
    await vscode.window.showTextDocument(document);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(0, 0),
    );
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet).map(labelOf);
    assert.ok(snippets.includes('pod-shared-pid-debug'), `pod-shared-pid-debug among the snippets: ${snippets.join(', ')}`);
    assert.ok(snippets.includes('k8s-deployment'), 'k8s-deployment among the snippets');
  });

  it('offers a quick fix for a misspelt field, and applying it fixes the text', async () => {
    const document = await open('typo.yaml');
    const unknown = await waitForCode(document.uri, 'unknown-field');
    assert.match(unknown.message, /sharedProcessNamespace/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      unknown.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const rename = actions.find((a) => a.edit && /shareProcessNamespace/.test(a.title));
    assert.ok(rename, `a rename among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(rename.kind && vscode.CodeActionKind.QuickFix.contains(rename.kind), 'it is a quick fix');
    assert.ok(await vscode.workspace.applyEdit(rename.edit!), 'the edit applies');
    if (rename.command) await vscode.commands.executeCommand(rename.command.command, ...(rename.command.arguments ?? []));
    assert.match(document.getText(), /^ {2}shareProcessNamespace: true$/m);
    assert.doesNotMatch(document.getText(), /sharedProcessNamespace/);
    await waitFor('unknown-field to go away', () => !ours(document.uri).some((d) => codeOf(d) === 'unknown-field'), () => summary(document.uri));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('follows podsense.rules: a severity change changes the diagnostic', async () => {
    const { uri } = await open('pod.yaml');
    await waitForCode(uri, 'host-pid', vscode.DiagnosticSeverity.Warning);
    const config = () => vscode.workspace.getConfiguration('podsense');
    await config().update('rules', { 'host-pid': 'error' }, vscode.ConfigurationTarget.Global);
    await waitForCode(uri, 'host-pid', vscode.DiagnosticSeverity.Error);
    await config().update('rules', { 'host-pid': 'off' }, vscode.ConfigurationTarget.Global);
    await waitFor('host-pid to be turned off', () => !ours(uri).some((d) => codeOf(d) === 'host-pid'), () => summary(uri));
    assert.ok(ours(uri).some((d) => codeOf(d) === 'latest-tag'), 'other rules still report');
    await config().update('rules', undefined, vscode.ConfigurationTarget.Global);
    await waitForCode(uri, 'host-pid', vscode.DiagnosticSeverity.Warning);
  });

  it('is silenced by # podsense-disable-next-line', async () => {
    const document = await open('silenced.yaml');
    await waitForCode(document.uri, 'host-ipc');
    assert.ok(!ours(document.uri).some((d) => codeOf(d) === 'host-pid'), `host-pid is silenced: ${summary(document.uri)}`);
    // Take the comment away and host-pid appears on the hostPID line.
    const comment = positionOf(document, '  # podsense-disable-next-line');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(document.uri, document.lineAt(comment.line).rangeIncludingLineBreak);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const hostPid = await waitForCode(document.uri, 'host-pid');
    assert.equal(document.lineAt(hostPid.range.start.line).text, '  hostPID: true');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('works on an untitled (unsaved) document', async () => {
    const content = ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: scratch', 'spec:', '  hostPID: true', '  containers:', '    - name: app', '      image: busybox:1.36', ''].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'yaml', content });
    await vscode.window.showTextDocument(document);
    assert.equal(document.uri.scheme, 'untitled');
    const hostPid = await waitForCode(document.uri, 'host-pid');
    assert.equal(hostPid.range.start.line, 5);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 4));
    assert.match(hoverText(hovers), /hostPID/);
  });

  it("keeps the server's compiled code in the extension's global storage (the extension writes what the server sends)", async () => {
    // The server sends its cache 5 s after it starts, and the extension writes it into its storage.
    const userData = process.env.PODSENSE_E2E_USER_DATA;
    assert.ok(userData, 'the launcher says where the user data is (PODSENSE_E2E_USER_DATA: test/e2e/workbench.ts, test/e2e/runVscode.ts)');
    const dir = join(userData, 'User', 'globalStorage', EXTENSION_ID, 'v8-cache');
    const listing = () => (existsSync(dir) ? readdirSync(dir) : []);
    const cache = await waitFor(
      `the server's code cache in ${dir}`,
      () => listing().find((name) => name.startsWith('server-main.js-') && name.endsWith('.cache')),
      () => listing().join(', ') || 'no such folder',
    );
    assert.ok(statSync(join(dir, cache)).size > 10_000, `${cache} holds compiled code`);
  });
});
