import type { z } from 'zod';
import type { Result } from './result.js';

// One binder for every bridge: a contract's spec (function name → the channel it calls, listener name →
// the events it hears) over a transport's invoke and subscribe gives the page's typed functions. The
// Electron preload binds it over IPC, renderer/bridge over the web host's WebSocket; neither lists the
// functions itself, so neither can fall behind the contract.

/** A bridge function: its arguments in, the one channel it calls and that channel's payload out. */
export type InvokeMaker<C extends string> = (...args: never[]) => readonly [C, unknown];
/** A listener function: the events it hears (several that carry the same payload merge into one). */
export type ListenedEvents<E extends string> = readonly E[];

export interface BridgeSpec<
  Channels extends Record<string, { response: z.ZodType }>,
  Events extends Record<string, z.ZodType>,
  Invokes extends Record<string, InvokeMaker<keyof Channels & string>>,
  Listeners extends Record<string, ListenedEvents<keyof Events & string>>,
> {
  /** The contract's invoke channels: their answer schemas type the functions' results. */
  channels: Channels;
  /** The contract's event channels: their schemas type what listeners receive. */
  events: Events;
  invokes: Invokes;
  listeners: Listeners;
}

/** What a transport gives the binder: answers already checked against the channel's answer schema, events against theirs. */
export interface BridgeTransport<C extends string, E extends string> {
  invoke(channel: C, payload: unknown): Promise<Result<unknown>>;
  subscribe(event: E, listener: (payload: unknown) => void): () => void;
}

type AnySpec = BridgeSpec<Record<string, { response: z.ZodType }>, Record<string, z.ZodType>, Record<string, InvokeMaker<string>>, Record<string, ListenedEvents<string>>>;
type ChannelOf<F> = F extends (...args: never[]) => readonly [infer C, unknown] ? C : never;
type Answer<Channels, C> = C extends keyof Channels ? (Channels[C] extends { response: z.ZodType } ? z.output<Channels[C]['response']> : never) : never;
type Payload<Events, E> = E extends keyof Events ? (Events[E] extends z.ZodType ? z.output<Events[E]> : never) : never;

/** The bound bridge: one function per capability, answers as Result values, listeners returning their unsubscribe. */
export type BoundBridge<S extends AnySpec> = {
  [K in keyof S['invokes']]: (...args: Parameters<S['invokes'][K]>) => Promise<Result<Answer<S['channels'], ChannelOf<S['invokes'][K]>>>>;
} & {
  [K in keyof S['listeners']]: (listener: (payload: Payload<S['events'], S['listeners'][K][number]>) => void) => () => void;
};

export type SpecChannel<S extends AnySpec> = keyof S['channels'] & string;
export type SpecEvent<S extends AnySpec> = keyof S['events'] & string;

export function bindBridge<S extends AnySpec>(spec: S, transport: BridgeTransport<SpecChannel<S>, SpecEvent<S>>): BoundBridge<S> {
  const bridge: Record<string, unknown> = {};
  for (const [name, make] of Object.entries(spec.invokes)) {
    bridge[name] = (...args: unknown[]) => {
      const [channel, payload] = (make as (...a: unknown[]) => readonly [SpecChannel<S>, unknown])(...args);
      return transport.invoke(channel, payload);
    };
  }
  for (const [name, events] of Object.entries(spec.listeners)) {
    if (Object.hasOwn(bridge, name)) throw new Error(`bindBridge: "${name}" is both a function and a listener; give the listener its own name`);
    bridge[name] = (listener: unknown) => {
      // The page may hand anything across the bridge: a listener that is not a function hears nothing.
      if (typeof listener !== 'function') return () => undefined;
      const stops = (events as readonly SpecEvent<S>[]).map((event) => transport.subscribe(event, listener as (payload: unknown) => void));
      return () => stops.forEach((stop) => stop());
    };
  }
  return Object.freeze(bridge) as BoundBridge<S>;
}
