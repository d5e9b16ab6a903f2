import { readConfigFolder, type FolderProblem } from '../../node-common/config-folder.js';
import { SourceConfigSchema, type SourceConfig } from './config.js';

// config/sources/*.json, one source per file. A broken file is named with the JSON path of each problem
// and skipped; the others run. No folder means no sources.

export type SourceFileProblem = FolderProblem;

export function readSourceFiles(dir: string): { sources: Array<{ file: string; config: SourceConfig }>; problems: SourceFileProblem[] } {
  const { items, problems } = readConfigFolder(dir, SourceConfigSchema, 'source', { missingIsEmpty: true });
  return { sources: items.map(({ file, value }) => ({ file, config: value })), problems: problems.map((p) => ({ file: p.file, message: `${p.file}: ${p.message}` })) };
}
