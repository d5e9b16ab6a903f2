import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../../common/protocol/scenario.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { duplicateScenario, newScenario } from '../../../renderer/console/scenarios/scenario-drafts.js';

const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const storm = ScenarioSchema.parse(JSON.parse(fs.readFileSync('config/scenarios/storm.json', 'utf8')));

describe("the scenario editor's starting points", () => {
  it('makes a valid scenario from a layout, with an id from the Vietnamese name that no scenario has yet', () => {
    const fresh = newScenario(layout, '  Giao ban sáng Đà Nẵng ', '', [storm], []);
    expect(ScenarioSchema.safeParse(fresh).success).toBe(true);
    expect(fresh).toMatchObject({ id: 'giao-ban-sang-da-nang', version: 1, name: { vi: 'Giao ban sáng Đà Nẵng', en: 'Giao ban sáng Đà Nẵng' }, mapExtent: storm.mapExtent });
    expect(fresh.layout).toEqual(layout);
    expect(fresh.layout).not.toBe(layout);
    expect(newScenario(layout, 'Bão', 'Storm', [], ['bao', 'bao-2']).id).toBe('bao-3');
  });

  it('duplicates under a free id and a name that says it is a copy, leaving the source alone', () => {
    const copy = duplicateScenario(storm, [storm.id, `${storm.id}-ban-sao`]);
    expect(copy.id).toBe(`${storm.id}-ban-sao-2`);
    expect(copy.name).toEqual({ vi: `${storm.name.vi} (bản sao)`, en: `${storm.name.en} (copy)` });
    expect(copy.version).toBe(1);
    copy.layout.panels.splice(copy.layout.panels.findIndex((p) => p.id === 'simulated'), 1); // a panel no data binding names
    expect(copy.layout.panels.length).toBe(storm.layout.panels.length - 1);
    expect(ScenarioSchema.safeParse(copy).success).toBe(true);
  });
});
