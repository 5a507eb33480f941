import { en } from './en';
import type { KnowledgeEntry, KnowledgeTable, Locale } from './types';
import { zhCn } from './zh-cn';

export type { KnowledgeEntry, Locale };

const TABLES: Readonly<Record<Locale, KnowledgeTable>> = { en, 'zh-cn': zhCn };

/** Types that reuse another type's explanations field for field. */
const SAME_AS: Readonly<Record<string, string>> = { EphemeralContainer: 'Container' };

/** Our explanation for a schema key (`Type`, `Type.field` or `Type.field=Value`), if we wrote one. */
export function knowledge(locale: Locale, key: string): KnowledgeEntry | undefined {
  const table = TABLES[locale];
  const own = Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
  if (own) return own;
  const dot = key.indexOf('.');
  const typeName = dot < 0 ? key : key.slice(0, dot);
  const alias = SAME_AS[typeName];
  return alias ? knowledge(locale, alias + key.slice(typeName.length)) : undefined;
}

/** Every key we have an explanation for, in a locale (for tests and docs). */
export function knowledgeKeys(locale: Locale): string[] {
  return Object.keys(TABLES[locale]);
}
