import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiExtraModels, getSchemaPath, type OpenAPIObject } from '@nestjs/swagger';

/**
 * Documents a multipart body as the file part plus the fields of a request DTO, so that the
 * form shown in Swagger UI comes from the same class the ValidationPipe enforces. The schema is
 * written as allOf [DTO, file] and flattened into one object by {@link flattenMultipartBodies}
 * when the document is built (form renderers need plain properties).
 */
export function ApiMultipartBody(dto: Type<unknown>, file: { name?: string; required?: boolean } = {}) {
  const name = file.name ?? 'file';
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    ApiExtraModels(dto),
    ApiBody({
      schema: {
        allOf: [
          { $ref: getSchemaPath(dto) },
          {
            type: 'object',
            properties: { [name]: { type: 'string', format: 'binary', description: 'The C3D file' } },
            ...(file.required === false ? {} : { required: [name] }),
          },
        ],
      },
    }),
  );
}

interface Schema {
  $ref?: string;
  nullable?: boolean;
  example?: unknown;
  format?: string;
  allOf?: Schema[];
  type?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}

/** Replaces every multipart body's allOf of $refs and objects by one flat object schema. */
export function flattenMultipartBodies(doc: OpenAPIObject): OpenAPIObject {
  const components = (doc.components?.schemas ?? {}) as Record<string, Schema>;
  const inlined = new Set<string>();
  const resolve = (s: Schema): Schema => {
    if (!s.$ref) return s;
    const name = s.$ref.split('/').pop()!;
    inlined.add(name);
    return components[name] ?? {};
  };
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(
      path as Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>,
    )) {
      const media = op?.requestBody?.content?.['multipart/form-data'];
      const schema = media?.schema;
      if (!media || !schema?.allOf) continue;
      const flat: Schema = { type: 'object', properties: {}, required: [] };
      for (const part of schema.allOf.map(resolve)) {
        Object.assign(flat.properties!, part.properties);
        flat.required!.push(...(part.required ?? []));
      }
      if (flat.required!.length === 0) delete flat.required;
      blankOptionalFields(flat);
      media.schema = flat;
    }
  }
  // a form DTO used nowhere else is now only an unused component
  const text = JSON.stringify(doc);
  for (const name of inlined) if (!text.includes(`#/components/schemas/${name}"`)) delete components[name];
  return doc;
}

/**
 * Swagger UI fills every form field with a sample made from its schema (the minimum, the
 * maximum, or {"additionalProp1": 0}) and sends it on Execute, so an optional field would never
 * be "not given". An empty example makes the field start empty, which the server reads as not
 * given, like 'null' (nullable; see form-values.ts). A null example would show the text "null".
 * Required fields and file parts keep their own examples.
 */
function blankOptionalFields(schema: Schema): void {
  const required = new Set(schema.required ?? []);
  for (const [name, property] of Object.entries(schema.properties ?? {}) as [string, Schema][]) {
    if (required.has(name) || property.format === 'binary') continue;
    schema.properties![name] = { ...property, nullable: true, example: '' };
  }
}
