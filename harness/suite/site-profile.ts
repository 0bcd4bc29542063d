import { chooseProfile } from '../profiles/choose-profile.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { renderedDir } from '../config/archive-config.ts';

let chosen: SiteProfile | undefined;

/** The profile of the site under test (ARCHIVE_PROFILE, or detected from its pages), chosen once per process. */
export function siteProfile(): SiteProfile {
  chosen ??= chooseProfile(renderedDir()).profile;
  return chosen;
}
