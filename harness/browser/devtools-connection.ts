import { createServer } from 'node:net';
import type { Browser, Page } from '@playwright/test';
import WebSocket from 'ws';

/** One DevTools protocol session on a page, driven without Playwright (see DevToolsConnection). */
export interface DevToolsSession {
  send: (method: string, params?: object) => Promise<unknown>;
  /** Called for each event of the session; one listener. */
  onEvent: (listener: (method: string, params: unknown) => void) => void;
}

interface Reply {
  id?: number;
  sessionId?: string;
  method?: string;
  params?: unknown;
  result?: unknown;
  error?: { message: string };
}

/**
 * A second DevTools connection to a browser Playwright launched, over the browser's own loopback
 * debugging port. Playwright records every call it makes for a test as a step, its stack captured
 * and mapped through source maps (~0.5 ms each, more as a test's steps grow). In one script, a page
 * of 100 images took 306–467 ms answered through Playwright, the time growing with the steps, and
 * 242–266 ms over this connection. Only the harness's own request answering uses it; the page
 * itself is still driven by Playwright.
 */
export class DevToolsConnection {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private readonly listeners = new Map<string, (method: string, params: unknown) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data: Buffer) => this.receive(JSON.parse(data.toString()) as Reply));
    socket.on('close', () => {
      for (const { reject } of this.pending.values()) reject(new Error('the DevTools connection closed'));
      this.pending.clear();
    });
  }

  /** Connects to the browser listening for DevTools on 127.0.0.1:`port`. */
  static async open(port: number): Promise<DevToolsConnection> {
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as { webSocketDebuggerUrl: string };
    const socket = new WebSocket(version.webSocketDebuggerUrl, { perMessageDeflate: false });
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    socket.on('error', () => undefined); // a browser closing under it ends in 'close'
    return new DevToolsConnection(socket);
  }

  /** A session on `page`'s target, for this connection only (Playwright's own sessions are untouched). */
  async attach(page: Page): Promise<DevToolsSession> {
    const playwrightSession = await page.context().newCDPSession(page);
    const { targetInfo } = await playwrightSession.send('Target.getTargetInfo');
    await playwrightSession.detach();
    const { sessionId } = (await this.send(undefined, 'Target.attachToTarget', { targetId: targetInfo.targetId, flatten: true })) as { sessionId: string };
    page.once('close', () => this.listeners.delete(sessionId));
    return {
      send: (method, params) => this.send(sessionId, method, params),
      onEvent: (listener) => this.listeners.set(sessionId, listener),
    };
  }

  close(): void {
    this.socket.close();
  }

  private send(sessionId: string | undefined, method: string, params: object = {}): Promise<unknown> {
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId === undefined ? {} : { sessionId }) }));
    });
  }

  private receive(message: Reply): void {
    if (message.id === undefined) {
      if (message.sessionId !== undefined && message.method !== undefined) this.listeners.get(message.sessionId)?.(message.method, message.params);
      return;
    }
    const waiting = this.pending.get(message.id);
    this.pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(message.error.message));
    else waiting?.resolve(message.result);
  }
}

const connections = new WeakMap<Browser, Promise<DevToolsConnection | undefined>>();

/** Records that `browser` was launched to listen for DevTools on 127.0.0.1:`port` (lazy-browser.ts). */
export function registerDevToolsPort(browser: Browser, port: number): void {
  const connecting = DevToolsConnection.open(port).catch(() => undefined);
  connections.set(browser, connecting);
  browser.once('disconnected', () => void connecting.then((connection) => connection?.close()));
}

/**
 * The second connection to `browser`, when it was launched with a DevTools port and that port
 * answers; otherwise undefined, and its pages are answered through Playwright, as a browser from
 * Playwright's own `browser` fixture is.
 */
export async function devToolsConnection(browser: Browser | null): Promise<DevToolsConnection | undefined> {
  return browser === null ? undefined : connections.get(browser);
}

/**
 * A free TCP port on 127.0.0.1 for the browser's DevTools server. Chromium could pick its own with
 * port 0, but only Playwright would learn which. Should another process take the port before the
 * browser does, attaching fails (the target is not there) and the pages are answered through
 * Playwright instead.
 */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
