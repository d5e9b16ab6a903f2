import type { DataValue } from '../../../common/protocol/data.js';

// The data kinds the map draws, named for the layer builders.
type ItemsOf<K extends DataValue['type']> = Extract<DataValue, { type: K }> extends { items: Array<infer I> } ? I : never;

export type Gauge = ItemsOf<'gauges'>;
export type Place = ItemsOf<'places'>;
export type PlaceKind = Place['kind'];
export type Vessel = ItemsOf<'vessels'>;
export type Area = ItemsOf<'areas'>;
export type Track = ItemsOf<'tracks'>;
export type Report = ItemsOf<'reports'>;
type Traffic = Extract<DataValue, { type: 'traffic' }>;
export type RoadSegment = Traffic['segments'][number];
export type TrafficIncident = Traffic['incidents'][number];
