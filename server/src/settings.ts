import { Connection, DidChangeConfigurationNotification, InitializeParams } from 'vscode-languageserver';
import { normaliseRuleLevels, RuleLevels } from './service/config';
import { DEFAULT_MAX_PROBLEMS } from './service/features/problemLimit';

/** PodSense settings for one resource, normalised once. */
export interface Settings {
  readonly language: 'auto' | 'en' | 'zh-cn';
  readonly validate: boolean;
  readonly rules: RuleLevels;
  /** The most problems a file's report holds (0: all). */
  readonly maxNumberOfProblems: number;
}

export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const language = r.language === 'en' || r.language === 'zh-cn' ? r.language : 'auto';
  const validate = (r.validate as { enable?: unknown } | undefined)?.enable !== false;
  const max = r.maxNumberOfProblems;
  const maxNumberOfProblems = typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : DEFAULT_MAX_PROBLEMS;
  return { language, validate, rules: normaliseRuleLevels(r.rules).levels, maxNumberOfProblems };
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
