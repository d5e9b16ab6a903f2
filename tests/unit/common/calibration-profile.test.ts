import { describe, expect, it } from 'vitest';
import { parseProfileText, profileFile, PROFILE_FORMAT } from '../../../common/calibration/profile.js';
import { defaultScreenCalibration } from '../../../common/calibration/schema.js';
import { demo, screen, wall } from '../wall/wall-fixtures.js';

const good = () => profileFile('demo-2x2', 'Chuẩn tháng 3', { screens: { A1: { ...defaultScreenCalibration(), offset: { x: 2, y: 0 } } } }, new Date(0));
const problems = (value: unknown) => {
  const r = parseProfileText(typeof value === 'string' ? value : JSON.stringify(value), demo());
  return r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`);
};

describe('profile files', () => {
  it('read back exactly what was written', () => {
    const r = parseProfileText(JSON.stringify(good()), demo());
    expect(r).toEqual({ ok: true, profile: good() });
  });

  it('refuse text that is not JSON, saying so', () => {
    expect(problems('{"format": ')[0]).toMatch(/^\(file\): not valid JSON/);
  });

  it('list every schema problem with its path', () => {
    const f = good() as unknown as { calibration: { screens: Record<string, Record<string, unknown>> }; version: number; format: string };
    f.version = 2;
    f.calibration.screens.A1!.colour = { brightness: 0, contrast: 100, gamma: 9, gain: { r: 100, g: 100, b: 'x' } };
    f.calibration.screens.A1!.offset = { x: 1.5, y: 0 };
    expect(problems(f)).toEqual([
      'version: Invalid input: expected 1',
      'calibration.screens.A1.offset.x: Invalid input: expected int, received number',
      'calibration.screens.A1.colour.gamma: Too big: expected number to be <=2.5',
      'calibration.screens.A1.colour.gain.b: Invalid input: expected number, received string',
    ]);
  });

  it('refuse a profile of another wall, or for screens this wall does not have', () => {
    const f = { ...good(), wallId: 'other-wall' };
    f.calibration = { screens: { ...f.calibration.screens, Z9: defaultScreenCalibration() } };
    expect(problems(f)).toEqual([
      'wallId: the profile is for wall "other-wall"; this wall is "demo-2x2"',
      'calibration.screens.Z9: this wall has no screen "Z9" (screens: A1, A2, B1, B2)',
    ]);
  });

  it('refuse overscan that leaves nothing of a small screen, and a file of another format', () => {
    const small = wall([screen('A1', { row: 0, col: 0 }, { resolution: { width: 300, height: 200 }, activeAreaMm: { width: 189, height: 126 } })]);
    const f = profileFile('test', 'small', { screens: { A1: { ...defaultScreenCalibration(), overscan: { x: 150, y: 0 } } } }, new Date(0));
    const r = parseProfileText(JSON.stringify(f), small);
    expect(r.ok ? [] : r.problems).toEqual([{ path: 'calibration.screens.A1.overscan', message: 'overscan leaves nothing of a 300 × 200 px screen' }]);
    expect(problems({ ...good(), format: 'other' })).toEqual([`format: Invalid input: expected "${PROFILE_FORMAT}"`]);
  });
});
