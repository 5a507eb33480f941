import type { Locale } from '../../l10n';

/** Code action titles, per locale. */
export interface Titles {
  rename(from: string, to: string): string;
  replaceValue(from: string, to: string): string;
  unquote(from: string, to: string): string;
  quote(value: string): string;
  addProbe(probe: string, how: string): string;
  removeKey(key: string): string;
  keepAction(action: string, hook: string): string;
  addExec(hook: string): string;
  replaceTcp(action: string, hook: string): string;
  pinTag(image: string): string;
  removeStatus: string;
  disableLine(id: string): string;
  disableObject(id: string): string;
  showDocs(id: string): string;
  fixAll(id: string): string;
  fixAllSource: string;
}

const en: Titles = {
  rename: (from, to) => `Change "${from}" to "${to}"`,
  replaceValue: (from, to) => `Change "${from}" to "${to}"`,
  unquote: (from, to) => `Write ${to} instead of ${from}`,
  quote: (value) => `Quote ${value}: "${value}"`,
  addProbe: (probe, how) => `Add ${probe} (${how})`,
  removeKey: (key) => `Remove ${key}`,
  keepAction: (action, hook) => `Keep only ${action} in ${hook}`,
  addExec: (hook) => `Add an exec action to ${hook}`,
  replaceTcp: (action, hook) => `Replace tcpSocket with ${action} in ${hook}`,
  pinTag: (image) => `Pin a version tag: ${image}`,
  removeStatus: 'Remove the status block',
  disableLine: (id) => `Disable ${id} for this line`,
  disableObject: (id) => `Disable ${id} for this object`,
  showDocs: (id) => `Show documentation for ${id}`,
  fixAll: (id) => `Fix all ${id} problems in this file`,
  fixAllSource: 'Fix all auto-fixable PodSense problems',
};

const zhCn: Titles = {
  rename: (from, to) => `将 "${from}" 改为 "${to}"`,
  replaceValue: (from, to) => `将 "${from}" 改为 "${to}"`,
  unquote: (from, to) => `把 ${from} 写成 ${to}`,
  quote: (value) => `给 ${value} 加引号："${value}"`,
  addProbe: (probe, how) => `添加 ${probe}（${how}）`,
  removeKey: (key) => `删除 ${key}`,
  keepAction: (action, hook) => `${hook} 中只保留 ${action}`,
  addExec: (hook) => `给 ${hook} 添加 exec 动作`,
  replaceTcp: (action, hook) => `将 ${hook} 中的 tcpSocket 换成 ${action}`,
  pinTag: (image) => `固定版本标签：${image}`,
  removeStatus: '删除 status 块',
  disableLine: (id) => `在这一行禁用 ${id}`,
  disableObject: (id) => `在这个对象上禁用 ${id}`,
  showDocs: (id) => `查看 ${id} 的文档`,
  fixAll: (id) => `修复本文件中所有 ${id} 问题`,
  fixAllSource: '修复所有可自动修复的 PodSense 问题',
};

export function titles(locale: Locale): Titles {
  return locale === 'zh-cn' ? zhCn : en;
}
