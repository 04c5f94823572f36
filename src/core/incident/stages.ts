// Stage names and person matching shared by the reducer, renderer and action builders.
import type { Actor } from './events';

/** How canonical stages are shown (PRODUCT.md §1). */
export const CANONICAL_STAGE_TITLES: Readonly<Record<string, string>> = {
  preparation: 'Preparation',
  detection: 'Detection',
  analysis: 'Analysis',
  containment: 'Containment',
  eradication: 'Eradication',
  recovery: 'Recovery',
  'post-incident': 'Post-incident review',
};

/** The stage whose completion each milestone marks. */
export const MILESTONE_STAGE = { contained: 'containment', eradicated: 'eradication', recovered: 'recovery' } as const;

/**
 * Whether a person as typed (`alice`, `Alice Smith`, `alice@example.com`, `Alice <alice@example.com>`)
 * is this actor. Case-insensitive; used to tell whether the closer is the commander.
 */
export function isSamePerson(person: string, actor: Actor): boolean {
  const typed = person.trim().toLowerCase();
  if (typed === '') return false;
  const name = actor.name.trim().toLowerCase();
  const email = actor.email.trim().toLowerCase();
  if (typed === name || (email !== '' && typed === email)) return true;
  const bracketed = /<([^<>]+)>$/.exec(typed);
  if (bracketed && email !== '' && bracketed[1]!.trim() === email) return true;
  // `alice` for alice@example.com.
  return email !== '' && typed === email.split('@')[0];
}
