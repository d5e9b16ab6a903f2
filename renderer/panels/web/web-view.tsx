import { useEffect, useState } from 'react';
import { checkOrigin } from '../../../common/web-origins.js';
import { useWallState } from '../../state/store-context.js';
import { translate } from '../../i18n/translate.js';
import type { PanelViewProps } from '../types.js';
import { useNow } from '../../ui/use-now.js';
import { usePageProbe, type PageProbe } from './use-page-probe.js';
import './web.css';

// A page the province already has, in a sandboxed frame: scripts only (no same-origin unless the panel
// asks), no forms, popups or top navigation. Only origins on the wall's list, and on the panel's own when
// it has one; the page's CSP (frame-src) is built from the same wall list, so the two cannot disagree.
export function WebView({ props, language, local }: PanelViewProps<'web'>) {
  const wallOrigins = useWallState().state?.wall.webOrigins?.frames ?? [];
  const check = checkOrigin(props.url, wallOrigins, props.allowedOrigins);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    if (!check.ok || props.reloadS === 0) return;
    const timer = setInterval(() => setGeneration((g) => g + 1), props.reloadS * 1000);
    return () => clearInterval(timer);
  }, [check.ok, props.reloadS]);
  const probe = usePageProbe(props.url, check.ok, generation);

  if (!check.ok) {
    return (
      <div className="panel-fill web-refused" role="alert" data-testid="web-refused">
        <strong>{translate(language, 'web.notAllowed')}</strong>
        <p>{check.reason === 'not-http' ? translate(language, 'web.notHttp', { url: props.url }) : translate(language, 'web.notAllowedBody', { origin: check.origin ?? props.url })}</p>
      </div>
    );
  }
  if (probe.state === 'failed') return <PageFailed probe={probe} url={props.url} language={language} />;
  if (probe.state === 'checking') return <div className="panel-fill web-checking" data-testid="web-checking" />;
  const { zoom } = props;
  return (
    <iframe
      key={generation}
      className="web-frame"
      title={props.url}
      src={props.url}
      sandbox={props.sameOrigin ? 'allow-scripts allow-same-origin' : 'allow-scripts'}
      referrerPolicy="no-referrer"
      loading="eager"
      style={{ width: local.width / zoom, height: local.height / zoom, transform: `scale(${zoom})` }}
    />
  );
}

/** The wall's own word for a page that does not load: its origin, why, and when it is tried again. */
function PageFailed({ probe, url, language }: { probe: Extract<PageProbe, { state: 'failed' }>; url: string; language: PanelViewProps<'web'>['language'] }) {
  const now = useNow(1_000);
  const seconds = Math.max(0, Math.ceil((probe.retryAt - now) / 1000));
  return (
    <div className="panel-fill web-failed" role="alert" data-testid="web-failed" data-reason={probe.reason} data-attempt={probe.attempt}>
      <strong>{translate(language, 'web.failed')}</strong>
      <p className="web-failed__origin">{new URL(url).origin}</p>
      <p>{translate(language, probe.reason === 'timeout' ? 'web.failedTimeout' : 'web.failedRefused')}</p>
      <p className="web-failed__retry">{seconds > 0 ? translate(language, 'web.retryIn', { seconds }) : translate(language, 'web.retrying')}</p>
    </div>
  );
}
