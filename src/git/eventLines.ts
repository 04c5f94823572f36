// The little the git layer knows about event lines: one JSON object per line with an `id` and an `at`.

/** Non-empty lines of an events.jsonl text. */
export function splitEventLines(text: string): string[] {
  return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

function field(line: string, name: 'id' | 'at'): string | undefined {
  try {
    const value = (JSON.parse(line) as Record<string, unknown>)[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The event's id, or undefined when the line does not parse or has none. */
export function eventIdOf(line: string): string | undefined {
  return field(line, 'id');
}

/** The event's `at` stamp, or undefined. */
export function eventAtOf(line: string): string | undefined {
  return field(line, 'at');
}
