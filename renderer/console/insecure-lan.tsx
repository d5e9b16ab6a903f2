import { useT } from '../i18n/use-t.js';
import { insecureOnLan } from './insecure-on-lan.js';

/** Said on every console screen, sign-in first, while the console runs in cleartext on the network. */
export function InsecureLanWarning() {
  const t = useT();
  if (!insecureOnLan(window.location)) return null;
  return (
    <p className="insecure-warning" role="alert" data-testid="insecure-warning">
      {t('security.insecureLan')}
    </p>
  );
}
