// Generates src/metadata.ts with the @nestjs/swagger CLI plugin (the build uses swc, which runs
// no TypeScript plugins). The plugin reads DTO and controller types and class-validator rules, so
// the OpenAPI schemas come from the same types that are enforced. Run: npm run openapi:metadata
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// The generator type-checks the project, which imports src/metadata.ts: start from an empty one
// so that a stale file (naming removed DTOs) cannot block its own regeneration.
writeFileSync(resolve('src/metadata.ts'), 'export default async () => ({});\n');

const generator = new PluginMetadataGenerator();
generator.generate({
  visitors: [
    new ReadonlyVisitor({
      introspectComments: true,
      pathToSource: resolve('src'),
      classValidatorShim: true,
      dtoFileNameSuffix: ['.dto.ts'],
      controllerFileNameSuffix: ['.controller.ts'],
    }),
  ],
  outputDir: resolve('src'),
  filename: 'metadata.ts',
  watch: false,
  tsconfigPath: 'tsconfig.build.json',
});
