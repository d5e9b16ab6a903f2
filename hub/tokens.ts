import { createHash, timingSafeEqual } from 'node:crypto';

// Bearer tokens and what they allow. A wall node's token lets it connect and pass on commands of
// the people it has authenticated (with their role); REST tokens carry a person's or system's role.

export type GrantRole = 'node' | 'viewer' | 'operator' | 'leader' | 'admin';

export interface TokenGrant {
  token: string;
  role: GrantRole;
  /** Shown in the audit log as the actor (REST) or the node's credential name. */
  name: string;
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

export class TokenBook {
  private readonly grants: Array<{ digest: Buffer; grant: TokenGrant }>;

  constructor(grants: readonly TokenGrant[]) {
    for (const g of grants) if (g.token.length < 16) throw new Error(`token for "${g.name}" is shorter than 16 characters`);
    this.grants = grants.map((grant) => ({ digest: digest(grant.token), grant }));
  }

  /** The grant for a presented token; every grant is compared, in constant time each. */
  find(token: string | null | undefined): TokenGrant | null {
    if (!token) return null;
    const presented = digest(token);
    let found: TokenGrant | null = null;
    for (const { digest: d, grant } of this.grants) if (timingSafeEqual(d, presented)) found = grant;
    return found;
  }

  first(role: GrantRole): TokenGrant | undefined {
    return this.grants.find((g) => g.grant.role === role)?.grant;
  }
}

export const canActivate = (role: string): boolean => role === 'leader' || role === 'admin';
