import { useEffect, useMemo, useState } from 'react';
import { InvalidPanel } from '../invalid-panel.js';
import type { PanelViewProps } from '../types.js';
import { clockFormatter, msToNextSecond } from './format-clock.js';

export function ClockView({ props, language }: PanelViewProps<'clock'>) {
  const { timeZone, showSeconds, showDate } = props;
  const format = useMemo(() => clockFormatter({ timeZone, showSeconds, showDate, language }), [timeZone, showSeconds, showDate, language]);
  const [now, setNow] = useState(() => Date.now());

  // One timer at a time, re-armed for the next whole second, cleared on unmount.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      setNow(Date.now());
      timer = setTimeout(tick, msToNextSecond(Date.now()));
    };
    timer = setTimeout(tick, msToNextSecond(Date.now()));
    return () => clearTimeout(timer);
  }, []);

  if (!format) return <InvalidPanel fields={[`timeZone: "${timeZone}" is not a time zone (e.g. "Asia/Ho_Chi_Minh")`]} />;
  const shown = format(new Date(now));
  return (
    <div className="panel-fill panel-clock" style={{ background: props.background, color: props.color, fontSize: props.fontSize }}>
      <time className="panel-clock__time" dateTime={new Date(now).toISOString()}>{shown.time}</time>
      {shown.date && <div className="panel-clock__date">{shown.date}</div>}
    </div>
  );
}
