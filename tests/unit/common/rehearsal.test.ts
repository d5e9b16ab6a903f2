import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rehearsalPlan } from '../../../common/rehearsal.js';
import type { ScenarioLayout } from '../../../common/scenario-view.js';
import { wallCanvas } from '../../../common/wall/geometry.js';
import { LayoutSchema } from '../../../common/wall/layout-schema.js';
import { WallSchema } from '../../../common/wall/schema.js';
import type { CoreClient } from '../../../electron/wall/client.js';
import { memoryLogger } from '../../../node-common/log.js';
import { WallCore } from '../../../electron/wall/wall-core.js';
import { readScenarioFiles } from '../../../hub/scenario-seeds.js';

// Screens draw the maps of the scenarios they may be switched to once, hidden, before any switch.

const wall = WallSchema.parse(JSON.parse(fs.readFileSync('config/walls/demo-2x2.json', 'utf8')));
const layout = LayoutSchema.parse(JSON.parse(fs.readFileSync('config/layouts/demo-2x2-normal.json', 'utf8')));
const scenarios = readScenarioFiles('config/scenarios').scenarios.map((s) => s.scenario);
const client = (role: 'screen' | 'console'): CoreClient => ({ id: `t-${role}`, transport: 'browser', role, ...(role === 'screen' ? { screenId: 'A1' } : {}), send: () => undefined });
const rectOf = (id: string) => wallCanvas(wall).viewports.find((v) => v.screenId === id)!.rect;

function wallWithCatalogue(): WallCore {
  const core = new WallCore({ wall, layout, log: memoryLogger() });
  core.setScenarioOverview({ scenarios, proposals: [], result: null });
  return core;
}

describe('scenario rehearsals', () => {
  it('a screen is sent the layouts of the scenarios that fit the wall; a console is not', async () => {
    const core = wallWithCatalogue();
    const answer = await core.handle(client('screen'), 'scenarios:layouts', {});
    expect(answer.ok).toBe(true);
    const layouts = (answer.ok ? answer.value : []) as ScenarioLayout[];
    expect(layouts.map((l) => l.scenarioId).sort()).toEqual(scenarios.map((s) => s.id).sort());
    expect((await core.handle(client('console'), 'scenarios:layouts', {})).ok).toBe(false);
    expect((await core.handle(client('screen'), 'scenarios:layouts', { extra: 1 })).ok).toBe(false);

    // A scenario whose layout does not fit this wall is left out (activating it is refused anyway).
    const other = { ...scenarios[0]!, id: 'other-wall', layout: { ...scenarios[0]!.layout, wallId: 'another-wall' } };
    core.setScenarioOverview({ scenarios: [...scenarios, other], proposals: [], result: null });
    const again = await core.handle(client('screen'), 'scenarios:layouts', {});
    expect(again.ok && (again.value as ScenarioLayout[]).some((l) => l.scenarioId === 'other-wall')).toBe(false);
  });

  it('a screen rehearses only the maps it shows, the most severe scenario last, not the one shown', async () => {
    const layouts = ((await wallWithCatalogue().handle(client('screen'), 'scenarios:layouts', {})) as { value: ScenarioLayout[] }).value;
    const a1 = rehearsalPlan(layouts, rectOf('A1'), null);
    expect(a1.map((r) => r.scenarioId)).toEqual(['traffic-incident', 'storm', 'flood-response']);
    expect(a1.every((r) => r.layout.panels.every((p) => p.type === 'map'))).toBe(true);
    expect(a1.at(-1)!.layout.panels.map((p) => p.id)).toEqual(['flood-map']);
    // The map is the only thing kept: the rest of the layout (wall, id) is the scenario's own.
    expect(a1.at(-1)!.layout.id).toBe(layouts.find((l) => l.scenarioId === 'flood-response')!.layout.id);

    expect(rehearsalPlan(layouts, rectOf('A1'), 'flood-response').map((r) => r.scenarioId)).toEqual(['traffic-incident', 'storm']);
    // A2 and B2 show no scenario map: nothing to rehearse.
    expect(rehearsalPlan(layouts, rectOf('A2'), null)).toEqual([]);
    expect(rehearsalPlan(layouts, rectOf('B2'), null)).toEqual([]);
  });
});
