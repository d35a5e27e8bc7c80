import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  PDF_HOW_TO_ENABLE,
  PdfRenderer,
  PdfUnavailableError,
  findChromium,
  type Paper,
} from '@app/report/node';
import { AppConfig } from '../shared/config/app-config.js';
import { NotImplementedError } from '../shared/errors/app-error.js';

/**
 * PDF from report HTML with the system Chromium: one browser per process, started on the first
 * PDF request and closed on shutdown. Without Chromium (or playwright-core) a PDF request answers
 * 501 pdf_unavailable saying how to enable it; HTML reports never need it.
 */
@Injectable()
export class PdfService implements OnApplicationShutdown {
  private readonly renderer: PdfRenderer;

  constructor(config: AppConfig) {
    this.renderer = new PdfRenderer(findChromium(config.env.CHROMIUM_PATH || null));
  }

  async render(html: string, paper: Paper = 'a4'): Promise<Uint8Array> {
    if (!this.renderer.available) {
      throw new NotImplementedError(
        'pdf_unavailable',
        `PDF reports are not enabled here. ${PDF_HOW_TO_ENABLE}`,
      );
    }
    try {
      return await this.renderer.render(html, { paper });
    } catch (error) {
      if (error instanceof PdfUnavailableError)
        throw new NotImplementedError('pdf_unavailable', error.message);
      throw error;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.renderer.close();
  }
}
