import type { InvokeRequest } from '../../common/contract.js';
import type { WallState } from '../../common/state.js';

// Named commands with pure reducers: each returns the part of the state it changes.
export type StateChange = Partial<Omit<WallState, 'revision'>>;

export const commands = {
  'wall:setBezelCompensation': (state: WallState, req: InvokeRequest<'wall:setBezelCompensation'>): StateChange => ({
    wall: { ...state.wall, bezelCompensation: req.enabled },
  }),
  'wall:setIdentify': (_state: WallState, req: InvokeRequest<'wall:setIdentify'>): StateChange => ({ identify: req.enabled }),
  'settings:setLanguage': (_state: WallState, req: InvokeRequest<'settings:setLanguage'>): StateChange => ({
    language: req.language,
  }),
};
