import type { DataKind } from '../../../common/protocol/data.js';
import type { Language } from '../../../common/state.js';
import type { DataView } from '../../state/data-view.js';
import { translate } from '../../i18n/translate.js';
import './data-status.css';

/** What a panel shows instead of its value: no data yet, or data of the wrong kind. */
export function DataStatus({ view, dataKey, want, language }: { view: DataView<DataKind>; dataKey: string; want: DataKind; language: Language }) {
  if (view.status === 'no-data') {
    return (
      <div className="data-status data-status--none" data-testid="no-data">
        {translate(language, 'data.none')}
      </div>
    );
  }
  if (view.status === 'invalid') {
    return (
      <div className="data-status data-status--invalid" data-testid="invalid-data" role="alert">
        <strong>{translate(language, 'data.invalid')}</strong>
        <span>{translate(language, 'data.invalidKind', { key: dataKey, got: view.got, want })}</span>
      </div>
    );
  }
  return null;
}
