import type { Browser, BrowserType, LaunchOptions } from '@playwright/test';
import { NO_WEB_FONTS } from './choose-browser.ts';
import { freeLoopbackPort, registerDevToolsPort } from './devtools-connection.ts';

/** A browser launched only once it is first asked for: a worker whose pages need one browser never starts the other. */
export interface LazyBrowser {
  get: () => Promise<Browser>;
  /** Closes it, if it was launched. */
  close: () => Promise<void>;
  launched: () => boolean;
}

/**
 * A browser launched as `launchOptions` say; with `webFonts: false`, one that loads no web fonts
 * (NO_WEB_FONTS). It also listens for DevTools on a loopback port, for the harness's own answering
 * of requests (devtools-connection.ts).
 */
export function lazyBrowser(chromium: BrowserType, launchOptions: LaunchOptions, { webFonts }: { webFonts: boolean }): LazyBrowser {
  let launching: Promise<Browser> | undefined;
  const launch = async (): Promise<Browser> => {
    const port = await freeLoopbackPort();
    const browser = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), ...(webFonts ? [] : NO_WEB_FONTS), `--remote-debugging-port=${port}`] });
    registerDevToolsPort(browser, port);
    return browser;
  };
  return {
    get: () => (launching ??= launch()),
    close: async () => {
      if (launching !== undefined) await (await launching).close();
    },
    launched: () => launching !== undefined,
  };
}
