// Preloaded into the server and the CLI by permissions.test.ts: Node 20's permission model
// does not cover the network, so every way out is made to throw and to say so on stderr.
'use strict';
const report = (what) => {
  process.stderr.write(`PODSENSE-GUARD: attempted ${what}\n`);
  throw new Error(`PODSENSE-GUARD: ${what} is not allowed`);
};
const net = require('node:net');
const block = (mod, names, label) => {
  for (const n of names) if (typeof mod[n] === 'function') mod[n] = () => report(`${label}.${n}`);
};
net.Socket.prototype.connect = function () {
  report('net.Socket.connect');
};
block(net, ['connect', 'createConnection', 'createServer'], 'net');
block(require('node:tls'), ['connect', 'createServer'], 'tls');
block(require('node:dgram'), ['createSocket'], 'dgram');
block(require('node:http'), ['request', 'get', 'createServer'], 'http');
block(require('node:https'), ['request', 'get', 'createServer'], 'https');
block(require('node:dns'), ['lookup', 'resolve', 'resolve4', 'resolve6'], 'dns');
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => report('fetch');
