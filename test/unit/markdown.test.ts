import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeMarkdown, linkLabel } from '../../server/src/service/markdown';

describe('markdown helpers', () => {
  it('escapes what a renderer would eat, outside code spans and URLs', () => {
    assert.equal(escapeMarkdown('use <name> or *.example.com'), 'use \\<name\\> or \\*.example.com');
    assert.equal(escapeMarkdown('run `sh -c "a_b *"` now'), 'run `sh -c "a_b *"` now');
    assert.equal(
      escapeMarkdown('More info: https://git.k8s.io/a/api-conventions.md#types-kinds'),
      'More info: https://git.k8s.io/a/api-conventions.md#types-kinds',
    );
    assert.equal(escapeMarkdown('# not a heading\n- not a list'), '\\# not a heading\n\\- not a list');
  });
  it('labels links by host and page', () => {
    assert.equal(linkLabel('https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase'), 'kubernetes.io › pod-lifecycle#pod-phase');
    assert.equal(linkLabel('not a url'), 'not a url');
  });
});
