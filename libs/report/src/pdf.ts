/**
 * HTML -> PDF through a system Chromium driven by playwright-core, both optional: when either is
 * missing, `render` throws PdfUnavailableError saying what to install. One browser per renderer,
 * launched on first use and reused (a launch costs ~0.5 s, a page ~30 ms); each document gets its
 * own context with every network request refused, so a report can never fetch anything.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export type Paper = 'a4' | 'letter';

export interface PdfOptions {
  paper?: Paper;
}

export class PdfUnavailableError extends Error {
  readonly code = 'pdf_unavailable';
}

/** Where Debian, Ubuntu and Fedora put Chromium (or Chrome). */
export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export const PDF_HOW_TO_ENABLE =
  'PDF reports need Chromium and the playwright-core package: install Chromium (Debian: apt-get install chromium), ' +
  'keep playwright-core installed (npm install playwright-core), and set CHROMIUM_PATH if Chromium is not at /usr/bin/chromium.';

/** The configured executable when given (even if missing: then PDF is unavailable), else the first candidate found. */
export function findChromium(configured?: string | null, candidates = CHROMIUM_CANDIDATES): string | null {
  if (configured) return existsSync(configured) ? configured : null;
  return candidates.find((p) => existsSync(p)) ?? null;
}

const FOOTER =
  '<div style="font: 8px system-ui, sans-serif; color: #5b6570; width: 100%; padding: 0 11mm; display: flex; justify-content: space-between;">' +
  '<span class="title"></span><span>page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>';

export class PdfRenderer {
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /**
   * @param maxConcurrent pages rendered at once (each holds a renderer process of ~50-100 MB);
   * further requests wait their turn.
   */
  constructor(
    private readonly executablePath: string | null,
    private readonly maxConcurrent = 2,
  ) {}

  get available(): boolean {
    return this.executablePath !== null;
  }

  async render(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
    // a finished render hands its slot straight to the next waiter, so the count never overshoots
    if (this.running >= this.maxConcurrent) await new Promise<void>((go) => this.waiting.push(go));
    else this.running++;
    try {
      return await this.renderPage(html, options);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  protected async renderPage(html: string, options: PdfOptions): Promise<Uint8Array> {
    const browser = await this.launch();
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: options.paper === 'letter' ? 'Letter' : 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
        margin: { top: '12mm', bottom: '14mm', left: '11mm', right: '11mm' },
      });
      return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
    } finally {
      await context.close();
    }
  }

  /** Closes the browser if one was launched. */
  async close(): Promise<void> {
    const pending = this.browser;
    this.browser = null;
    if (!pending) return;
    const browser = await pending.catch(() => null);
    await browser?.close();
  }

  private launch(): Promise<Browser> {
    if (!this.executablePath)
      return Promise.reject(new PdfUnavailableError(`Chromium was not found. ${PDF_HOW_TO_ENABLE}`));
    this.browser ??= this.start(this.executablePath);
    return this.browser;
  }

  private async start(executablePath: string): Promise<Browser> {
    let chromium: typeof import('playwright-core').chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (error) {
      this.browser = null;
      throw new PdfUnavailableError(`playwright-core is not installed. ${PDF_HOW_TO_ENABLE}`, {
        cause: error,
      });
    }
    try {
      const browser = await chromium.launch({
        executablePath,
        // root in containers; the page has no script and no network, so the sandbox adds little
        args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
      });
      browser.on('disconnected', () => {
        this.browser = null;
      });
      return browser;
    } catch (error) {
      this.browser = null;
      throw new PdfUnavailableError(
        `Chromium at ${executablePath} could not be started. ${PDF_HOW_TO_ENABLE}`,
        { cause: error },
      );
    }
  }
}
