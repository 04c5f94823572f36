// Durations of PRODUCT.md §2: `<number><unit>` repeated, units m h d w (`90m`, `1h30m`, `180d`).

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 60 * 24, w: 60 * 24 * 7 };

/** Minutes in a duration string, or undefined when it is not one. */
export function parseDurationMinutes(text: string): number | undefined {
  if (!/^(?:\d+[mhdw])+$/.test(text)) return undefined;
  let minutes = 0;
  let amount = 0;
  for (const char of text) {
    const unit = UNIT_MINUTES[char];
    if (unit === undefined) amount = amount * 10 + Number(char);
    else {
      minutes += amount * unit;
      amount = 0;
    }
  }
  return Number.isSafeInteger(minutes) ? minutes : undefined;
}
