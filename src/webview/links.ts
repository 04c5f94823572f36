// Which link clicks become an `openLink` intent: only http, https and mailto (the host re-checks).
import { isAllowedExternalLink } from '../shared/links';

/** The href to ask the host to open, from an anchor's raw `href` attribute; undefined to ignore it. */
export function linkToOpen(rawHref: string | null | undefined): string | undefined {
  const href = rawHref?.trim();
  return href && isAllowedExternalLink(href) ? href : undefined;
}
