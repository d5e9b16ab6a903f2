import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A throwaway CA and a certificate it signs for 127.0.0.1 and localhost, made with openssl at test time
// (the same commands docs/security.md gives a centre), so no key is ever committed. TEST USE ONLY.

export interface TestTls {
  dir: string;
  caFile: string;
  certFile: string;
  keyFile: string;
  ca: Buffer;
  /** base64 SHA-256 of the certificate's public key, for Chromium's --ignore-certificate-errors-spki-list. */
  spki: string;
  remove(): void;
}

export const opensslMissing = spawnSync('openssl', ['version']).status !== 0 ? 'openssl is not installed (apt-get install openssl)' : null;

function openssl(args: string[], input?: string): string {
  const run = spawnSync('openssl', args, { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

export function makeTestTls(names: readonly string[] = ['127.0.0.1', 'localhost']): TestTls {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc-tls-'));
  const at = (f: string) => path.join(dir, f);
  openssl(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', at('ca.key'), '-out', at('ca.crt'), '-days', '2', '-subj', '/CN=Toan Canh TEST-ONLY CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
  openssl(['req', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', at('wall.key'), '-out', at('wall.csr'), '-subj', '/CN=toan-canh test wall']);
  const san = names.map((n) => (/^[\d.]+$|:/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
  fs.writeFileSync(at('ext.cnf'), `subjectAltName=${san}\nextendedKeyUsage=serverAuth\nbasicConstraints=CA:FALSE\n`);
  openssl(['x509', '-req', '-in', at('wall.csr'), '-CA', at('ca.crt'), '-CAkey', at('ca.key'), '-CAcreateserial', '-out', at('wall.crt'), '-days', '2', '-extfile', at('ext.cnf')]);
  const pub = openssl(['x509', '-in', at('wall.crt'), '-pubkey', '-noout']);
  const der = spawnSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: pub });
  const spki = spawnSync('openssl', ['dgst', '-sha256', '-binary'], { input: der.stdout }).stdout.toString('base64');
  return {
    dir,
    caFile: at('ca.crt'),
    certFile: at('wall.crt'),
    keyFile: at('wall.key'),
    ca: fs.readFileSync(at('ca.crt')),
    spki,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
