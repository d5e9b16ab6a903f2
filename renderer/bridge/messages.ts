import {
  describeIssues,
  eventChannels,
  feedEventChannels,
  invokeChannels,
  isEventChannel,
  isFeedEventChannel,
  type EventChannel,
  type EventPayload,
  type FeedEventChannel,
  type FeedEventPayload,
  type InvokeChannel,
} from '../../common/contract.js';
import { fail, type Result } from '../../common/result.js';
import { EventMessageSchema, ResultMessageSchema } from '../../common/web-protocol.js';

// What the web host sends, checked before anything uses it: answers by request id, and events whose
// payloads must match the contract's schema (an invalid one is dropped, never half-applied).

export type AnyEvent = { [E in EventChannel]: { event: E; payload: EventPayload<E> } }[EventChannel];

export type AnyFeedEvent = { [E in FeedEventChannel]: { event: E; payload: FeedEventPayload<E> } }[FeedEventChannel];

export type Incoming =
  | { kind: 'result'; id: number | null; result: Result<unknown> }
  | ({ kind: 'event' } & AnyEvent)
  | ({ kind: 'feed' } & AnyFeedEvent)
  | { kind: 'invalid'; reason: string };

export function parseServerMessage(data: unknown): Incoming {
  if (typeof data !== 'string') return { kind: 'invalid', reason: 'not a text message' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { kind: 'invalid', reason: 'not JSON' };
  }
  const asResult = ResultMessageSchema.safeParse(json);
  if (asResult.success) return { kind: 'result', id: asResult.data.id, result: asResult.data.result as Result<unknown> };
  const asEvent = EventMessageSchema.safeParse(json);
  if (!asEvent.success) return { kind: 'invalid', reason: 'neither an answer nor an event' };
  const { event, payload } = asEvent.data;
  if (isFeedEventChannel(event)) {
    const feed = feedEventChannels[event].safeParse(payload);
    if (!feed.success) return { kind: 'invalid', reason: `${event}: ${describeIssues(feed.error)}` };
    return { kind: 'feed', event, payload: feed.data } as Incoming;
  }
  if (!isEventChannel(event)) return { kind: 'invalid', reason: `unknown event "${event.slice(0, 80)}"` };
  const checked = eventChannels[event].safeParse(payload);
  if (!checked.success) return { kind: 'invalid', reason: `${event}: ${describeIssues(checked.error)}` };
  return { kind: 'event', event, payload: checked.data } as Incoming;
}

/** An answer checked against the schema of the channel that was called. */
export function checkAnswer(channel: InvokeChannel, result: Result<unknown>): Result<unknown> {
  if (!result.ok) return result;
  const checked = invokeChannels[channel].response.safeParse(result.value);
  if (checked.success) return { ok: true, value: checked.data };
  return fail('invalid-answer', `${channel}: the host answered something unexpected (${describeIssues(checked.error)})`);
}

export function encodeRequest(id: number, channel: InvokeChannel, payload: unknown): string {
  return JSON.stringify({ id, channel, payload });
}

/** Error codes for a request the link lost (dropped, or unanswered): worth asking again, not a refusal. */
export const LINK_LOST_CODES: ReadonlySet<string> = new Set(['disconnected', 'timeout']);
