import { ApiProperty } from '@nestjs/swagger';
import { describeColumn, type ExportTable } from '../tables/export-columns.js';

interface ColumnOptions {
  type: StringConstructor | NumberConstructor | BooleanConstructor | 'integer';
  nullable?: boolean;
}

/**
 * The property decorator of one export table's row DTO: a property documented as the column of
 * the same name, its description and unit taken from tables/export-columns.ts
 * (tables/export-columns.spec.ts checks that each row DTO has one property per column, in order).
 */
export function exportColumnOf(table: ExportTable) {
  return (options: ColumnOptions): PropertyDecorator =>
    (target, key) =>
      ApiProperty({ ...options, description: describeColumn(table, String(key)) })(target, key);
}
