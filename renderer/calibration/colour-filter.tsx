import type { ChannelTransfer, ColourTransfer } from '../../common/calibration/colour.js';

// One screen's colour settings as an SVG filter the screen's root references (filter: url(#id)).
// sRGB interpolation, so the transfer works on the values the screen is sent, not on linear light.
export function ColourFilter({ id, transfer }: { id: string; transfer: ColourTransfer }) {
  const f = (t: ChannelTransfer) => ({ type: 'gamma' as const, amplitude: t.amplitude, exponent: t.exponent, offset: t.offset });
  return (
    <svg className="colour-filter" width="0" height="0" aria-hidden="true" focusable="false">
      <filter id={id} colorInterpolationFilters="sRGB" x="0" y="0" width="100%" height="100%">
        <feComponentTransfer>
          <feFuncR {...f(transfer.r)} />
          <feFuncG {...f(transfer.g)} />
          <feFuncB {...f(transfer.b)} />
        </feComponentTransfer>
      </filter>
    </svg>
  );
}
