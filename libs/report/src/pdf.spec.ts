// The PDF renderer's parts that need no browser: Chromium lookup, the error without one, and the
// concurrency limit (a page is a renderer process: at most maxConcurrent at once, the rest queue).
import { describe, expect, it } from '@jest/globals';
import { PdfRenderer, PdfUnavailableError, findChromium, type PdfOptions } from './pdf.js';

class CountingRenderer extends PdfRenderer {
  active = 0;
  peak = 0;
  order: string[] = [];
  protected override async renderPage(html: string, _options: PdfOptions): Promise<Uint8Array> {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
    await new Promise((r) => setTimeout(r, 5));
    this.order.push(html);
    this.active--;
    return new TextEncoder().encode(html);
  }
}

describe('PdfRenderer', () => {
  it('renders at most maxConcurrent pages at once and serves every request, in order', async () => {
    const r = new CountingRenderer('/bin/true', 2);
    const docs = Array.from({ length: 9 }, (_, i) => `doc${i}`);
    const out = await Promise.all(docs.map((d) => r.render(d)));
    expect(out.map((b) => new TextDecoder().decode(b))).toEqual(docs);
    expect(r.peak).toBe(2);
    expect(r.order).toEqual(docs);
    // the slots are all free again: a new burst still gets two at once
    r.peak = 0;
    await Promise.all([r.render('a'), r.render('b'), r.render('c')]);
    expect(r.peak).toBe(2);
  });

  it('without Chromium: PdfUnavailableError saying how to enable it', async () => {
    const r = new PdfRenderer(null);
    expect(r.available).toBe(false);
    const error = await r.render('<p>x</p>').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PdfUnavailableError);
    expect((error as Error).message).toContain('apt-get install chromium');
    await r.close();
  });

  it('finds Chromium: a configured path only if it exists, else the first usual path present', () => {
    expect(findChromium('/nonexistent/chromium')).toBeNull();
    expect(findChromium(null, ['/nonexistent/a', '/bin/sh', '/bin/ls'])).toBe('/bin/sh');
    expect(findChromium('', ['/nonexistent/a'])).toBeNull();
    expect(findChromium('/bin/sh')).toBe('/bin/sh');
  });
});
