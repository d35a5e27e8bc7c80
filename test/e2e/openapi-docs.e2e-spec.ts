// The OpenAPI document as Swagger UI uses it: examples that work as shown, each route's own
// error codes, and units stated for every number of the session detail.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestApp, type TestApp } from '../support/test-app.js';

interface Schema {
  $ref?: string;
  type?: string;
  description?: string;
  example?: unknown;
  nullable?: boolean;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  required?: string[];
  additionalProperties?: unknown;
}
interface Media {
  schema?: Schema;
  examples?: Record<string, { value: Record<string, unknown> }>;
}
interface Operation {
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { content?: Record<string, Media> }>;
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

describe('OpenAPI document (GET /docs-json)', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.app.inject({ method: 'GET', url: '/docs-json' })).json<Doc>();
  });
  afterAll(async () => t.close());

  const op = (path: string, method: string) => doc.paths[path]![method]!;
  const errorCodes = (path: string, method: string, status: string) =>
    Object.values(op(path, method).responses[status]?.content?.['application/json']?.examples ?? {}).map(
      (e) => e.value.error,
    );

  it('POST /admin/users: the example creates a therapist and gives no password (one is generated)', () => {
    const example = op('/admin/users', 'post').requestBody!.content['application/json']!.examples!.example!
      .value;
    expect(example.role).toBe('therapist');
    expect(example).not.toHaveProperty('password');
    expect(example).not.toHaveProperty('custom_password');
  });

  it("POST /patients: the example is a therapist's own patient (no made-up therapist id)", () => {
    const example = op('/patients', 'post').requestBody!.content['application/json']!.examples!.example!
      .value;
    expect(example).not.toHaveProperty('therapist_id');
  });

  it('POST /sessions form: optional fields start empty, the patient code and file are required', () => {
    const form = op('/sessions', 'post').requestBody!.content['multipart/form-data']!.schema!;
    expect(form.required?.sort()).toEqual(['file', 'patient_code']);
    const optional = Object.entries(form.properties!).filter(([k]) => !form.required!.includes(k));
    expect(optional.length).toBeGreaterThanOrEqual(10);
    for (const [, p] of optional) expect([p.example, p.nullable]).toEqual(['', true]);
  });

  it('error examples are the route’s own: a session route never shows patient_not_found as its 404', () => {
    expect(errorCodes('/sessions/{session_code}', 'get', '404')).toEqual(['session_not_found']);
    expect(errorCodes('/patients/{patient_code}', 'get', '404')).toEqual(['patient_not_found']);
    expect(errorCodes('/auth/login', 'post', '401')).toEqual(['invalid_credentials']);
    expect(errorCodes('/sessions', 'post', '422')).toEqual(['empty_file', 'truncated']);
    // 403: the role check's exact message where roles apply, a deactivated account everywhere
    expect(errorCodes('/sessions/{session_code}', 'get', '403')).toEqual(['user_inactive']);
    expect(errorCodes('/admin/users', 'post', '403')).toEqual(['role_forbidden', 'user_inactive']);
    const roleMessage = op('/sessions', 'post').responses['403']!.content!['application/json']!.examples!
      .role_forbidden!.value.message;
    expect(roleMessage).toBe('This action requires the role admin or therapist');
    // the generic cases keep their real codes
    expect(errorCodes('/sessions/{session_code}', 'get', '401')).toEqual(['token_missing', 'token_expired']);
  });

  it('every error answer of every route carries examples of its own codes', () => {
    const bare: string[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, o] of Object.entries(methods)) {
        for (const [status, r] of Object.entries(o.responses)) {
          if (Number(status) < 400) continue;
          if (!r.content?.['application/json']?.examples) bare.push(`${method} ${path} ${status}`);
        }
      }
    }
    expect(bare).toEqual([]);
  });

  it('every number of the session detail states its unit (or what it counts) in its description', () => {
    const seen = new Set<string>();
    const missing: string[] = [];
    const visit = (name: string) => {
      if (seen.has(name)) return;
      seen.add(name);
      for (const [key, p] of Object.entries(doc.components.schemas[name]?.properties ?? {})) {
        for (const ref of [p.$ref, p.items?.$ref, ...(p.allOf ?? []).map((x) => x.$ref)])
          if (ref) visit(ref.split('/').pop()!);
        if ((p.type === 'number' || p.type === 'integer') && !p.description) missing.push(`${name}.${key}`);
      }
    };
    visit('SessionDetailDto');
    expect([...seen]).toEqual(
      expect.arrayContaining([
        'PerformanceScoresDto',
        'SessionTargetsDto',
        'BfrMeasurementDto',
        'ChannelStatisticsDto',
      ]),
    );
    expect(missing).toEqual([]);
  });

  it('no scalar field is documented as a bare object (a nullable field without a type would be)', () => {
    // free-form on purpose: an error's structured detail, and the storage row a webhook receives
    const freeForm = ['ErrorResponseDto.details', 'StorageEventDto.record'];
    const bare: string[] = [];
    for (const [name, schema] of Object.entries(doc.components.schemas)) {
      for (const [key, p] of Object.entries(schema.properties ?? {})) {
        const described = p.properties ?? p.additionalProperties ?? p.allOf;
        if (p.type === 'object' && !described) bare.push(`${name}.${key}`);
      }
    }
    expect(bare.filter((field) => !freeForm.includes(field))).toEqual([]);
    expect(doc.components.schemas.PatientDto!.properties!.current_mvc75_ch1).toMatchObject({
      type: 'number',
      nullable: true,
    });
  });
});
