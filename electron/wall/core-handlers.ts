import type { InvokeChannel, InvokeRequest } from '../../common/contract.js';
import type { Result } from '../../common/result.js';
import type { CoreClient } from './client.js';

/** Commands served outside the wall state (accounts, audit, layouts), registered with WallCore.addHandlers. */
export type CoreHandler<C extends InvokeChannel> = (client: CoreClient, request: InvokeRequest<C>) => Result<unknown> | Promise<Result<unknown>>;
export type CoreHandlers = { [C in InvokeChannel]?: CoreHandler<C> };
