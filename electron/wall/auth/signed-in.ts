import { fail, type Result } from '../../../common/result.js';
import type { CoreClient } from '../client.js';
import type { ConsoleAuth } from './console-auth.js';

/** Run `run` as the person signed in on `client`'s console; a console with nobody signed in is refused. */
export function signedIn(auth: ConsoleAuth) {
  return <T>(client: CoreClient, run: (username: string) => Result<T>): Result<T> => {
    const username = auth.sessionOf(client)?.username;
    return username ? run(username) : fail('auth/not-signed-in', 'Not signed in.');
  };
}
