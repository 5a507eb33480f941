import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  dns1123LabelProblem,
  dns1123SubdomainProblem,
  ipProblem,
  ipVersion,
  isIPv4,
  isIPv6,
  isTemplated,
  nameProblemText,
  portNameProblem,
} from '../../server/src/service/rules/addresses';

describe('IP addresses', () => {
  it('accepts plain IPv4', () => {
    for (const ip of ['0.0.0.0', '10.1.2.3', '127.0.0.1', '255.255.255.255', '192.168.0.10', '1.0.0.100']) {
      assert.equal(ipVersion(ip), 4, ip);
      assert.equal(ipProblem(ip), undefined, ip);
    }
  });
  it('refuses broken IPv4', () => {
    for (const ip of ['1.2.3', '1.2.3.4.5', '256.1.1.1', '1.2.3.-4', '1.2.3.4 ', ' 1.2.3.4', '1..2.3', '1.2.3.', 'a.b.c.d', '1.2.3.4/24', '0x7f.0.0.1', '1e2.0.0.1', '1234.1.1.1']) {
      assert.equal(ipVersion(ip), 0, ip);
      assert.equal(ipProblem(ip), 'invalid', ip);
    }
  });
  it('refuses IPv4 octets with leading zeros (octal to libc), with their own reason', () => {
    for (const ip of ['010.1.1.1', '10.01.1.1', '10.1.1.00', '00.0.0.0']) {
      assert.equal(isIPv4(ip), false, ip);
      assert.equal(ipProblem(ip), 'leading-zero', ip);
    }
    assert.equal(ipProblem('10.0.0.0'), undefined);
  });
  it('accepts IPv6 in all its text forms', () => {
    for (const ip of [
      '::',
      '::1',
      '1::',
      '2001:db8::1',
      '2001:DB8::1',
      '2001:0db8:0000:0000:0000:0000:0000:0001',
      '1:2:3:4:5:6:7:8',
      '1:2:3:4:5:6:7::',
      '::2:3:4:5:6:7:8',
      'fe80::1',
      '::ffff:10.1.2.3',
      '::10.1.2.3',
      '64:ff9b::192.0.2.33',
      '1:2:3:4:5:6:1.2.3.4',
    ]) {
      assert.equal(ipVersion(ip), 6, ip);
      assert.equal(ipProblem(ip), undefined, ip);
    }
  });
  it('refuses broken IPv6', () => {
    for (const ip of [
      ':',
      ':::',
      '1:::2',
      '1::2::3',
      ':1::',
      '1::2:',
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7::8',
      '12345::1',
      'g::1',
      '2001:db8::1/64',
      '[::1]',
      '1.2.3.4::',
      '::1.2.3.4:5',
      '::ffff:256.1.1.1',
      '::ffff:1.2.3',
      '1:2:3:4:5:6:7:1.2.3.4',
    ]) {
      assert.equal(isIPv6(ip), false, ip);
      assert.equal(ipProblem(ip), 'invalid', ip);
    }
  });
  it('refuses zone ids and embedded IPv4 with leading zeros', () => {
    assert.equal(ipProblem('fe80::1%eth0'), 'zone');
    assert.equal(ipProblem('fe80::1%1'), 'zone');
    assert.equal(ipVersion('fe80::1%eth0'), 0);
    assert.equal(ipProblem('::ffff:010.1.2.3'), 'leading-zero');
  });
  it('calls the empty string empty, and never throws on odd input', () => {
    assert.equal(ipProblem(''), 'empty');
    for (const s of ['%', '.', '..', '::%', '\u0000', '１.２.３.４', '1.2.3.4\n']) assert.notEqual(ipProblem(s), undefined, JSON.stringify(s));
  });
});

describe('names', () => {
  it('checks DNS-1123 labels (container names)', () => {
    for (const ok of ['web', 'a', '0', '0-init', 'web-2', 'a'.repeat(63)]) assert.equal(dns1123LabelProblem(ok), undefined, ok);
    assert.equal(dns1123LabelProblem(''), 'empty');
    assert.equal(dns1123LabelProblem('a'.repeat(64)), 'too-long');
    assert.equal(dns1123LabelProblem('Web'), 'uppercase');
    assert.equal(dns1123LabelProblem('web_1'), 'bad-char');
    assert.equal(dns1123LabelProblem('web.1'), 'bad-char');
    assert.equal(dns1123LabelProblem('Web_1'), 'bad-char');
    assert.equal(dns1123LabelProblem('-web'), 'bad-edge');
    assert.equal(dns1123LabelProblem('web-'), 'bad-edge');
  });
  it('checks DNS-1123 subdomains (host alias hostnames)', () => {
    for (const ok of ['foo', 'foo.local', 'a.b.c', '1.2.3.4', 'x-1.y-2', `${'a'.repeat(63)}.com`]) assert.equal(dns1123SubdomainProblem(ok), undefined, ok);
    assert.equal(dns1123SubdomainProblem(''), 'empty');
    assert.equal(dns1123SubdomainProblem(`${'a'.repeat(63)}.`.repeat(4) + 'ab'), 'too-long');
    assert.equal(dns1123SubdomainProblem(`${'a'.repeat(64)}.com`), 'label-too-long');
    assert.equal(dns1123SubdomainProblem('example.com.'), 'trailing-dot');
    assert.equal(dns1123SubdomainProblem('Example.com.'), 'uppercase');
    assert.equal(dns1123SubdomainProblem('.'), 'empty-label');
    assert.equal(dns1123SubdomainProblem('a..'), 'empty-label');
    assert.equal(dns1123SubdomainProblem('.example.com'), 'empty-label');
    assert.equal(dns1123SubdomainProblem('a..b'), 'empty-label');
    assert.equal(dns1123SubdomainProblem('foo.-bar'), 'bad-edge');
    assert.equal(dns1123SubdomainProblem('foo-.bar'), 'bad-edge');
    assert.equal(dns1123SubdomainProblem('db_primary'), 'bad-char');
    assert.equal(dns1123SubdomainProblem('*.example.com'), 'bad-char');
  });
  it('checks IANA service names (port names)', () => {
    for (const ok of ['http', 'h2c', 'grpc-web', 'a1', '12345678901234a', 'x']) assert.equal(portNameProblem(ok), undefined, ok);
    assert.equal(portNameProblem('abcdefghijklmno'), undefined);
    assert.equal(portNameProblem('abcdefghijklmnop'), 'too-long');
    assert.equal(portNameProblem(''), 'empty');
    assert.equal(portNameProblem('8080'), 'no-letter');
    assert.equal(portNameProblem('80-80'), 'no-letter');
    assert.equal(portNameProblem('HTTP'), 'uppercase');
    assert.equal(portNameProblem('http_api'), 'bad-char');
    assert.equal(portNameProblem('-http'), 'bad-edge');
    assert.equal(portNameProblem('http-'), 'bad-edge');
    assert.equal(portNameProblem('web--admin'), 'double-dash');
  });
  it('spots templates and describes problems in both languages', () => {
    assert.equal(isTemplated('{{ .Values.x }}'), true);
    assert.equal(isTemplated('$(VAR)'), true);
    assert.equal(isTemplated('plain'), false);
    assert.match(nameProblemText('too-long', 'en', 15), /15/);
    assert.match(nameProblemText('double-dash', 'zh-cn'), /[\u4e00-\u9fff]/);
    assert.match(nameProblemText('something-new', 'en'), /invalid/);
  });
});
