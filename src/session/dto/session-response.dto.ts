import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageOf } from '../../shared/pagination/page.dto.js';
import { type SessionQuality, SessionWarningDto } from '../session-quality.js';
import { QualityGateDto } from '../../analysis/dto/quality-gate.dto.js';

export class SessionAcceptedDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'P001S001' }) session_code!: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ description: 'True when the same file was already uploaded for this patient' })
  duplicate!: boolean;
}

export class SessionStatusDto {
  @ApiProperty() session_code!: string;
  @ApiProperty({ enum: ['queued', 'processing', 'completed', 'failed'] }) status!: string;
  @ApiProperty({ nullable: true, type: String, example: 'analyzing' }) stage!: string | null;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress!: number;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Stable code when failed, e.g. truncated, no_emg_channels',
  })
  error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_message!: string | null;
  @ApiProperty() attempts!: number;
  @ApiProperty() result_version!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processed_at!: string | null;
  @ApiProperty() has_analysis!: boolean;
  @ApiProperty({
    enum: ['complete', 'truncated'],
    nullable: true,
    description:
      'truncated: the recording was cut off and only its complete frames were analysed ' +
      '(TRUNCATED_FILES=score); null until a result exists',
  })
  quality!: SessionQuality | null;
  @ApiProperty({ type: [SessionWarningDto], description: 'What a reader of the result must know' })
  warnings!: SessionWarningDto[];
}

export class SessionSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() session_code!: string;
  @ApiProperty() patient_code!: string;
  @ApiProperty({ nullable: true, type: String }) therapist_id!: string | null;
  @ApiProperty() status!: string;
  @ApiProperty() file_path!: string;
  @ApiProperty() file_size_bytes!: number;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) session_date!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) processed_at!: string | null;
  @ApiProperty({ format: 'date-time' }) created_at!: string;
}

export class SessionPageDto extends PageOf(SessionSummaryDto) {}

export class ContractionDto {
  @ApiProperty() channel_name!: string;
  @ApiProperty() idx!: number;
  @ApiProperty() start_sample!: number;
  @ApiProperty() end_sample!: number;
  @ApiProperty() start_time_ms!: number;
  @ApiProperty() end_time_ms!: number;
  @ApiProperty() duration_ms!: number;
  @ApiProperty() mean_amplitude!: number;
  @ApiProperty() max_amplitude!: number;
  @ApiProperty({ nullable: true, type: Boolean }) meets_mvc!: boolean | null;
  @ApiProperty({ nullable: true, type: Boolean }) meets_duration!: boolean | null;
  @ApiProperty() is_good!: boolean;
}

export class ChannelStatisticsDto {
  @ApiProperty() channel_name!: string;
  @ApiProperty() total_contractions!: number;
  @ApiProperty() good_contractions!: number;
  @ApiProperty() mvc_compliant_contractions!: number;
  @ApiProperty() duration_compliant_contractions!: number;
  @ApiProperty({ nullable: true, type: Number }) compliance_rate!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mvc_value!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mvc75_threshold!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mvc_threshold_percentage!: number | null;
  @ApiProperty({ nullable: true, type: String }) mvc_source!: string | null;
  @ApiProperty({ nullable: true, type: Number }) duration_threshold_ms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) sampling_rate_hz!: number | null;
  @ApiProperty({ nullable: true, type: Number }) duration_seconds!: number | null;
  @ApiProperty({ nullable: true, type: Number }) rms!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mav!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mpf!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mdf!: number | null;
  @ApiProperty({ nullable: true, type: Number }) fatigue_index!: number | null;
  @ApiProperty({ description: 'Windowed statistics per metric' }) temporal_stats!: Record<string, unknown>;
  @ApiProperty({ description: 'The full per-channel analytics of the analysis report' }) analytics!: Record<
    string,
    unknown
  >;
}

export class SessionDetailDto extends SessionSummaryDto {
  @ApiProperty({
    type: QualityGateDto,
    nullable: true,
    description:
      'seniam-v1 results: says when a scored channel fails the signal-quality gate; null otherwise',
  })
  quality_gate!: QualityGateDto | null;
  @ApiProperty({
    enum: ['complete', 'truncated'],
    nullable: true,
    description:
      'truncated: the recording was cut off and only its complete frames were analysed ' +
      '(TRUNCATED_FILES=score); null until a result exists',
  })
  quality!: SessionQuality | null;
  @ApiProperty({ type: [SessionWarningDto], description: 'What a reader of the result must know' })
  warnings!: SessionWarningDto[];
  @ApiProperty() stage!: string | null;
  @ApiProperty() progress!: number;
  @ApiProperty({ nullable: true, type: String }) error_code!: string | null;
  @ApiProperty({ nullable: true, type: String }) error_message!: string | null;
  @ApiProperty() file_hash!: string;
  @ApiProperty() result_version!: number;
  @ApiProperty({ nullable: true, type: Number }) processing_time_ms!: number | null;
  @ApiProperty({ description: 'Game metadata from the C3D parameters' }) game_metadata!: Record<
    string,
    unknown
  >;
  @ApiProperty({ nullable: true, type: String, example: 'ghostly-v1@1.0.0' }) processing_profile!:
    string | null;
  @ApiProperty({ description: 'Analysis parameters used: processing_options and session_params' })
  processing_parameters!: Record<string, unknown>;
  @ApiProperty({ description: 'Subjective inputs: RPE, BFR, game points' }) subjective!: Record<
    string,
    unknown
  >;
  @ApiProperty({ type: [ChannelStatisticsDto] }) channels!: ChannelStatisticsDto[];
  @ApiProperty({ type: [ContractionDto] }) contractions!: ContractionDto[];
  @ApiPropertyOptional({ nullable: true, description: 'performance_scores row' }) performance_scores!: Record<
    string,
    unknown
  > | null;
  @ApiPropertyOptional({ nullable: true }) session_settings!: Record<string, unknown> | null;
  @ApiProperty({ type: [Object] }) bfr_monitoring!: Record<string, unknown>[];
}
