import { Connection, DidChangeConfigurationNotification, InitializeParams } from 'vscode-languageserver';

/**
 * How many problems a file's report holds by default (service/features/problemLimit.ts).
 * VS Code keeps 1,000 diagnostics per file and drops the rest (its extension host does,
 * whatever the server sends), so sending more only costs time: a 10 MB file of repeated
 * Pods has 295,000 findings, 150 MB of JSON that kept the server busy for seconds.
 */
export const DEFAULT_MAX_PROBLEMS = 1000;

/** PodSense settings for one resource, normalised once. */
export interface Settings {
  readonly language: 'auto' | 'en' | 'zh-cn';
  readonly validate: boolean;
  /**
   * `podsense.rules` as the editor gave it. The server reads it with the
   * language service's code (normaliseRuleLevels in service/config.ts),
   * which it loads with the first document, not at start-up.
   */
  readonly rules: unknown;
  /** The most problems a file's report holds (0: all). */
  readonly maxNumberOfProblems: number;
}

export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const language = r.language === 'en' || r.language === 'zh-cn' ? r.language : 'auto';
  const validate = (r.validate as { enable?: unknown } | undefined)?.enable !== false;
  const max = r.maxNumberOfProblems;
  const maxNumberOfProblems = typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : DEFAULT_MAX_PROBLEMS;
  return { language, validate, rules: r.rules, maxNumberOfProblems };
}

/**
 * Per-resource settings: asked of the client (`workspace/configuration`,
 * section `podsense`) when it supports that, cached per document until the
 * configuration changes; otherwise taken from initializationOptions and
 * didChangeConfiguration pushes (for editors other than VS Code).
 */
export class SettingsStore {
  private readonly pull: boolean;
  private readonly dynamic: boolean;
  private global: Settings;
  private readonly perResource = new Map<string, Promise<Settings>>();

  constructor(
    private readonly connection: Connection,
    params: InitializeParams,
  ) {
    this.pull = !!params.capabilities.workspace?.configuration;
    this.dynamic = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    this.global = normaliseSettings(init?.settings ?? init);
  }

  registerForChanges(): void {
    if (this.dynamic) {
      void this.connection.client.register(DidChangeConfigurationNotification.type, { section: 'podsense' });
    }
  }

  changed(pushed: unknown): void {
    this.perResource.clear();
    const section = (pushed as Record<string, unknown> | undefined)?.podsense;
    if (!this.pull && section) this.global = normaliseSettings(section);
  }

  forget(uri: string): void {
    this.perResource.delete(uri);
  }

  forResource(uri: string): Promise<Settings> {
    if (!this.pull) return Promise.resolve(this.global);
    let s = this.perResource.get(uri);
    if (!s) {
      s = this.connection.workspace
        .getConfiguration({ scopeUri: uri, section: 'podsense' })
        .then(normaliseSettings, () => this.global);
      this.perResource.set(uri, s);
    }
    return s;
  }
}
