// A console opened over plain HTTP from another machine (the host runs with --insecure-lan): whatever is
// typed there, the password first, crosses the network in cleartext.

/** True for http: to anything but this machine's loopback. The Electron app (app://) and HTTPS are fine. */
export function insecureOnLan(location: { protocol: string; hostname: string }): boolean {
  if (location.protocol !== 'http:') return false;
  const host = location.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return !(host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}
