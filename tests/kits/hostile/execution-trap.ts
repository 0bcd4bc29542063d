import type { Page } from '@playwright/test';

/** Signs that something in a page ran: each must stay empty for an archive page. */
export interface ExecutionEvidence {
  /** alert/confirm/prompt/print calls caught by the trap, and dialogs that opened anyway. */
  calls: string[];
  /** Properties that appeared on `window` after the page's own start. */
  newGlobals: string[];
  /** Navigations of the main frame after the page loaded, and pop-ups it opened. */
  navigations: string[];
}

/** Installed before any page script: replaces the dialog functions and remembers window's own properties. */
const TRAP = `(() => {
  const calls = [];
  Object.defineProperty(window, '__executionTrap', { value: { calls, baseline: Object.getOwnPropertyNames(window) }, enumerable: false });
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { calls.push(name + '(' + args.map(String).join(', ').slice(0, 80) + ')'); };
  }
})();`;

/** Watches a page for anything that runs: dialog calls, new globals, navigations and pop-ups. */
export class ExecutionTrap {
  private readonly navigations: string[] = [];
  private readonly dialogs: string[] = [];
  private expectedUrl = '';

  private constructor(private readonly page: Page) {
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && frame.url() !== this.expectedUrl) this.navigations.push(`navigated to ${frame.url()}`);
    });
    page.on('popup', (popup) => this.navigations.push(`opened a pop-up ${popup.url()}`));
    page.on('dialog', (dialog) => {
      this.dialogs.push(`${dialog.type()} dialog: ${dialog.message().slice(0, 80)}`);
      void dialog.dismiss().catch(() => undefined);
    });
  }

  /** Arms the trap on a page (before it loads anything). */
  static async install(page: Page): Promise<ExecutionTrap> {
    await page.addInitScript(TRAP);
    return new ExecutionTrap(page);
  }

  /** Starts watching for a page about to be opened at `url`. */
  expect(url: string): void {
    this.expectedUrl = url;
    this.navigations.length = 0;
    this.dialogs.length = 0;
  }

  /**
   * Lets pending handlers run (one idle period, no fixed sleep), then reports what ran. A page that
   * navigates away meanwhile (a meta refresh firing late) is itself evidence: framenavigated recorded
   * it, and the new page is read once it has loaded.
   */
  async evidence(): Promise<ExecutionEvidence> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.readEvidence();
      } catch (error) {
        if (!/Execution context was destroyed|navigat/i.test(String(error)) || attempt >= 3) throw error;
        await this.page.waitForLoadState('load');
      }
    }
  }

  private async readEvidence(): Promise<ExecutionEvidence> {
    const inPage = await this.page.evaluate(
      () =>
        new Promise<{ calls: string[]; newGlobals: string[] }>((done) => {
          requestIdleCallback(
            () => {
              const trap = (window as unknown as { __executionTrap?: { calls: string[]; baseline: string[] } }).__executionTrap;
              const baseline = new Set(trap?.baseline ?? []);
              const newGlobals = Object.getOwnPropertyNames(window).filter((name) => !baseline.has(name) && name !== '__executionTrap');
              done({ calls: trap?.calls ?? ['the trap is gone: something replaced window.__executionTrap'], newGlobals });
            },
            { timeout: 2000 },
          );
        }),
    );
    return { calls: [...inPage.calls, ...this.dialogs], newGlobals: inPage.newGlobals, navigations: [...this.navigations] };
  }
}
