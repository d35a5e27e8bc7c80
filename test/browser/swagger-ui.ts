/**
 * Swagger UI driven as a person clicks it: expand an operation, "Try it out", edit what a person
 * must type (credentials, a path parameter, the file), "Execute", read the answer shown.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts', 'swagger-walk');

export interface ShownResponse {
  status: number;
  body: unknown;
}

export class SwaggerUi {
  private shot = 0;

  constructor(readonly page: Page) {
    mkdirSync(ARTIFACTS, { recursive: true });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(`${url}/docs`);
    await this.page.locator('.opblock').first().waitFor();
  }

  operation(tag: string, operationId: string): Locator {
    return this.page.locator(`#operations-${tag}-${operationId}`);
  }

  /** Expands the operation and presses "Try it out". */
  async tryItOut(op: Locator): Promise<void> {
    await op.locator('.opblock-summary-control').click();
    await op.locator('button.try-out__btn').click();
  }

  /** The JSON body Swagger UI pre-filled (what Execute would send as is). */
  async jsonBody(op: Locator): Promise<unknown> {
    return JSON.parse(await op.locator('textarea.body-param__text').inputValue()) as unknown;
  }

  async setJsonBody(op: Locator, value: unknown): Promise<void> {
    await op.locator('textarea.body-param__text').fill(JSON.stringify(value, null, 2));
  }

  async setParameter(op: Locator, name: string, value: string): Promise<void> {
    await op.locator(`tr[data-param-name="${name}"] input`).fill(value);
  }

  /** Every field of a multipart form with the value shown in it ('' when empty). */
  async formValues(op: Locator): Promise<Record<string, string>> {
    return op.locator('tr[data-property-name]').evaluateAll((rows) =>
      Object.fromEntries(
        rows.map((row) => {
          // an <input>, <textarea> or <select>: each has a string value
          const input = row.querySelector(
            'input:not([type=checkbox]):not([type=file]), textarea, select',
          ) as {
            value?: string;
          } | null;
          return [row.getAttribute('data-property-name') ?? '', input?.value ?? ''];
        }),
      ),
    );
  }

  async setFile(op: Locator, field: string, path: string): Promise<void> {
    await op.locator(`tr[data-property-name="${field}"] input[type=file]`).setInputFiles(path);
  }

  /** Presses Execute and returns the status and JSON body that Swagger UI shows (screenshot when labelled). */
  async execute(op: Locator, label?: string): Promise<ShownResponse> {
    const answered = this.page.waitForResponse(
      (r) => r.request().method() !== 'OPTIONS' && !r.url().includes('/docs'),
    );
    await op.locator('button.execute').click();
    await answered;
    const live = op.locator('.live-responses-table');
    await live.waitFor();
    const status = Number((await live.locator('.response .response-col_status').first().innerText()).trim());
    const text = await live
      .locator('.response-col_description .microlight, .response-col_description pre')
      .first()
      .innerText();
    if (label) await this.screenshot(op, label);
    return { status, body: JSON.parse(text) as unknown };
  }

  /** The "Authorize" dialog: pastes the token into the bearer scheme. */
  async authorize(token: string): Promise<void> {
    await this.page.locator('.auth-wrapper button.authorize').click();
    const dialog = this.page.locator('.modal-ux');
    const bearer = dialog.locator('.auth-container').filter({ hasText: 'bearer' }).first();
    const logout = bearer.locator('button', { hasText: 'Logout' });
    if (await logout.count()) await logout.click();
    await bearer.locator('input').first().fill(token);
    await bearer.locator('button.authorize').click();
    await this.screenshot(dialog, 'authorized');
    await dialog.locator('button.btn-done').first().click();
  }

  async collapse(op: Locator): Promise<void> {
    await op.locator('.opblock-summary-control').click();
  }

  async screenshot(target: Locator | Page, label: string): Promise<void> {
    this.shot += 1;
    const path = join(ARTIFACTS, `${String(this.shot).padStart(2, '0')}-${label}.png`);
    await target.screenshot({ path });
  }
}
