import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject, IsOptional, IsString } from 'class-validator';
import {
  ApiSessionQuality,
  ApiSessionWarnings,
  type SessionQuality,
  type SessionWarningDto,
} from '../../session/session-quality.js';

/** A Supabase database-webhook event on storage.objects, as the original's webhook received it. */
export class StorageEventDto {
  @ApiProperty({ enum: ['INSERT', 'UPDATE', 'DELETE'] }) @IsIn(['INSERT', 'UPDATE', 'DELETE']) type!:
    'INSERT' | 'UPDATE' | 'DELETE';
  @ApiProperty({ example: 'objects' }) @IsString() table!: string;
  @ApiProperty({ example: 'storage' }) @IsString() schema!: string;
  @ApiProperty({
    description: 'The storage.objects row; used: name (P###/<file>.c3d), bucket_id, metadata.size',
    example: {
      id: 'uuid',
      bucket_id: 'c3d-examples',
      name: 'P001/Ghostly_Emg_20230321_17-50-17-0881.c3d',
      metadata: { size: 2867920 },
    },
  })
  @IsObject()
  record!: { name?: unknown; bucket_id?: unknown; metadata?: unknown; [key: string]: unknown };
  @ApiPropertyOptional({ nullable: true, type: Object }) @IsOptional() @IsObject() old_record?: Record<
    string,
    unknown
  > | null;
}

export class WebhookResponseDto {
  @ApiProperty() success!: boolean;
  @ApiProperty({ example: 'C3D processing initiated' }) message!: string;
  @ApiProperty({ nullable: true, type: String, example: 'P001S003' }) session_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) session_id!: string | null;
  @ApiPropertyOptional({ description: 'The event repeats an already-registered file' }) duplicate?: boolean;
  @ApiPropertyOptional({ description: 'Why the event was ignored', example: 'wrong_bucket' })
  ignored?: string;
  @ApiProperty({ nullable: true, type: Number }) processing_time_ms!: number | null;
}

export class WebhookStatusDto {
  @ApiProperty() session_code!: string;
  @ApiProperty() status!: string;
  @ApiProperty() file_path!: string;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processed_at!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_message!: string | null;
  @ApiProperty() has_analysis!: boolean;
  @ApiSessionQuality() quality!: SessionQuality | null;
  @ApiSessionWarnings() warnings!: SessionWarningDto[];
}
