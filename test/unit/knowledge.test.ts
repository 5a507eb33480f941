import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { knowledge, knowledgeKeys } from '../../server/src/service/knowledge';
import { hoverAt, service } from './helpers';
import { pathToType, podYamlFor } from './pathToYaml';

/** Every point of the seed notes that hover must explain (shared/seed/README.md). */
const SEED_KEYS = [
  'PodSpec',
  'PodSpec.nodeName',
  'PodSpec.hostAliases',
  'HostAlias.ip',
  'HostAlias.hostnames',
  'PodSpec.shareProcessNamespace',
  'PodSpec.hostNetwork',
  'PodSpec.hostIPC',
  'PodSpec.hostPID',
  'Container.lifecycle',
  'Lifecycle.postStart',
  'Lifecycle.preStop',
  'LifecycleHandler.exec',
  'LifecycleHandler.httpGet',
  'LifecycleHandler.tcpSocket',
  'LifecycleHandler.sleep',
  'PodSpec.terminationGracePeriodSeconds',
  'Container.livenessProbe',
  'Container.readinessProbe',
  'Container.startupProbe',
  'PodStatus.phase',
  'PodStatus.phase=Pending',
  'PodStatus.phase=Running',
  'PodStatus.phase=Succeeded',
  'PodStatus.phase=Failed',
  'PodStatus.phase=Unknown',
  'ContainerStatus.ready',
  'ContainerStatus.restartCount',
  'ContainerStateWaiting.reason=CrashLoopBackOff',
  'ContainerStateWaiting.reason=ImagePullBackOff',
  'ContainerStateTerminated.reason=OOMKilled',
];

/** A Pod document exercising a knowledge key, with the cursor where its hover should appear. */
function documentFor(key: string): string {
  const schema = service().schema;
  const [location, value] = key.split('=');
  const [type, field] = location.split('.');
  if (field === undefined) {
    const path = pathToType(schema, type);
    assert.ok(path, `no path from Pod to ${type}`);
    return podYamlFor(path);
  }
  const path = pathToType(schema, type);
  assert.ok(path, `no path from Pod to ${type}`);
  return podYamlFor([...path, field], value);
}

describe('curated knowledge', () => {
  it('has the same keys in English and Simplified Chinese', () => {
    assert.deepEqual(knowledgeKeys('zh-cn').sort(), knowledgeKeys('en').sort());
  });

  it('covers every point of the seed notes', () => {
    for (const key of SEED_KEYS) {
      assert.ok(knowledge('en', key), `missing English explanation for ${key}`);
      assert.ok(knowledge('zh-cn', key), `missing Chinese explanation for ${key}`);
    }
  });

  it('writes the Chinese entries in Chinese and links only to real https pages', () => {
    for (const key of knowledgeKeys('zh-cn')) {
      const zh = knowledge('zh-cn', key)!;
      assert.match(zh.what, /[\u4e00-\u9fff]/, `${key}: zh-cn text has no Chinese`);
      for (const url of [...(zh.links ?? []), ...(knowledge('en', key)!.links ?? [])]) {
        assert.match(url, /^https:\/\/[a-z0-9.-]+\.[a-z]{2,}\//, `${key}: bad link ${url}`);
      }
    }
  });

  for (const locale of ['en', 'zh-cn'] as const) {
    it(`shows every curated explanation in hover (${locale})`, () => {
      for (const key of knowledgeKeys(locale)) {
        const src = documentFor(key);
        const hover = hoverAt(src, locale);
        assert.ok(hover, `no hover for ${key} in:\n${src}`);
        const entry = knowledge(locale, key)!;
        assert.ok(hover.includes(entry.what), `hover for ${key} lacks its explanation:\n${src}\n${hover}`);
        if (entry.trap) assert.ok(hover.includes(entry.trap), `hover for ${key} lacks its trap`);
        if (entry.upstreamDiffers) assert.ok(hover.includes(entry.upstreamDiffers), `${key}: upstreamDiffers missing`);
      }
    });
  }
});
