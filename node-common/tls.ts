import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { fail, ok, type Result } from '../common/result.js';

// TLS for the web host and the hub (docs/security.md): PEM files from the centre's own CA. Beyond
// loopback a server speaks HTTPS/WSS, or the operator says --insecure-lan in so many words.

export interface TlsFiles {
  cert: string;
  key: string;
}

/** The PEM contents, checked by Node's TLS layer so a wrong or mismatched file fails at start. */
export interface TlsIdentity {
  cert: Buffer;
  key: Buffer;
  /** Where they came from, for messages. */
  files: TlsFiles;
}

/** One year: browsers that saw the wall over HTTPS refuse plain HTTP to it from then on. */
export const HSTS = 'max-age=31536000';

export const TLS_FLAGS_HELP = '--tls-cert <cert.pem> --tls-key <key.pem> (docs/security.md: making them offline with openssl), or --insecure-lan to accept cleartext on the network';

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1') return true;
  if (net.isIPv4(h)) return h.startsWith('127.');
  return h.startsWith('::ffff:127.');
}

/** Reads and checks the pair; a missing file, a non-PEM file or a key that is not the certificate's is named. */
export function loadTls(files: Partial<TlsFiles>): Result<TlsIdentity | null> {
  if (!files.cert && !files.key) return ok(null);
  if (!files.cert || !files.key) return fail('tls', `${files.cert ? '--tls-key' : '--tls-cert'} is missing: give both --tls-cert <cert.pem> and --tls-key <key.pem>`);
  let cert: Buffer;
  let key: Buffer;
  try {
    cert = fs.readFileSync(files.cert);
    key = fs.readFileSync(files.key);
  } catch (err) {
    return fail('tls', `cannot read the TLS files: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    tls.createSecureContext({ cert, key });
  } catch (err) {
    return fail('tls', `${files.cert} and ${files.key} are not a PEM certificate and its private key (${err instanceof Error ? err.message : String(err)}); see docs/security.md`);
  }
  return ok({ cert, key, files: { cert: files.cert, key: files.key } });
}

/** Whether a server may bind `host` as configured: loopback always, elsewhere with TLS or --insecure-lan. */
export function bindAllowed(o: { host: string; tls: TlsIdentity | null; insecureLan?: boolean; what: string }): Result<{ insecure: boolean }> {
  if (o.tls || isLoopback(o.host)) return ok({ insecure: false });
  if (o.insecureLan) return ok({ insecure: true });
  return fail('tls', `${o.what} will not listen on ${o.host} without TLS: passwords and tokens would cross the network in cleartext. Give ${TLS_FLAGS_HELP}`);
}

/** An HTTPS server with the identity, or plain HTTP without one. */
export function createServer(identity: TlsIdentity | null): http.Server {
  return identity ? https.createServer({ cert: identity.cert, key: identity.key, minVersion: 'TLSv1.2' }) : http.createServer();
}

/** The CA a node trusts for its hub (--hub-ca / TOAN_CANH_HUB_CA), read once; a clear error when unreadable. */
export function readCaFile(file: string): Result<Buffer> {
  try {
    const pem = fs.readFileSync(file);
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) return fail('tls', `${file} holds no PEM certificate (-----BEGIN CERTIFICATE-----); give the centre's CA certificate`);
    return ok(pem);
  } catch (err) {
    return fail('tls', `cannot read the hub's CA file: ${err instanceof Error ? err.message : String(err)}`);
  }
}
