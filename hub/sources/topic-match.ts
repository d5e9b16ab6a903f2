// MQTT topic filters: "+" matches one level, "#" the rest. The matched levels fill "{1}", "{2}"… in a
// point's key; a "#" match is one level with its parts joined by ".".

export function matchTopic(filter: string, topic: string): string[] | null {
  const f = filter.split('/');
  const t = topic.split('/');
  const levels: string[] = [];
  for (let i = 0; i < f.length; i++) {
    const part = f[i];
    if (part === '#') {
      // "#" also matches the parent level itself ("a/#" matches "a").
      if (i === 0 && topic.startsWith('$')) return null;
      levels.push(t.slice(i).join('.'));
      return levels;
    }
    const level = t[i];
    if (level === undefined) return null;
    if (part === '+') {
      if (i === 0 && level.startsWith('$')) return null;
      levels.push(level);
    } else if (part !== level) return null;
  }
  return f.length === t.length ? levels : null;
}
