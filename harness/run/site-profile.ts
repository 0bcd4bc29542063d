import { chooseProfile } from '../profiles/choose-profile.ts';
import type { SiteProfile } from '../profiles/profile.ts';
import { renderedDir } from './archive-config.ts';

let chosen: { profile: SiteProfile; why: string } | undefined;

/** The profile of the site under test (ARCHIVE_PROFILE, or detected from its pages), chosen once per process. */
export function siteProfile(): SiteProfile {
  chosen ??= chooseProfile(renderedDir());
  return chosen.profile;
}

/** How the profile was chosen, for the run's first line and the report. */
export function siteProfileChoice(): { name: string; why: string } {
  siteProfile();
  return { name: chosen?.profile.name ?? '', why: chosen?.why ?? '' };
}
