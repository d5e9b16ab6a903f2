import { useEffect, useState } from 'react';
import { checkOrigin } from '../../../common/web-origins.js';
import { useWallState } from '../../state/store-context.js';
import { translate } from '../../i18n/translate.js';
import type { PanelViewProps } from '../types.js';
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

  if (!check.ok) {
    return (
      <div className="panel-fill web-refused" role="alert" data-testid="web-refused">
        <strong>{translate(language, 'web.notAllowed')}</strong>
        <p>{check.reason === 'not-http' ? translate(language, 'web.notHttp', { url: props.url }) : translate(language, 'web.notAllowedBody', { origin: check.origin ?? props.url })}</p>
      </div>
    );
  }
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
