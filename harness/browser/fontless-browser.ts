import type { Browser, BrowserType, LaunchOptions } from '@playwright/test';
import { NO_WEB_FONTS } from './choose-browser.ts';

/** A browser launched as `launchOptions` say but loading no web fonts (NO_WEB_FONTS), only once it is first asked for. */
export interface LazyBrowser {
  get: () => Promise<Browser>;
  /** Closes it, if it was launched. */
  close: () => Promise<void>;
}

export function lazyFontlessBrowser(chromium: BrowserType, launchOptions: LaunchOptions): LazyBrowser {
  let launched: Promise<Browser> | undefined;
  return {
    get: () => (launched ??= chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), ...NO_WEB_FONTS] })),
    close: async () => {
      if (launched !== undefined) await (await launched).close();
    },
  };
}
