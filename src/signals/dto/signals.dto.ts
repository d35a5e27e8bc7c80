import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { toOptionalBoolean, toOptionalNumber } from '../../shared/validation/form-values.js';

export const DEFAULT_SIGNAL_POINTS = 6000;
export const MAX_SIGNAL_POINTS = 200_000;

export class SessionRefParamDto {
  @ApiProperty({ description: 'The session’s id (UUID) or its code', example: 'P001S001' })
  @IsString()
  @Matches(
    /^([Pp][0-9]{3,}[Ss][0-9]{3,}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/,
  )
  session_id!: string;
}

export class SessionCodeRefParamDto {
  @ApiProperty({ example: 'P001S001' })
  @IsString()
  @Matches(/^[Pp][0-9]{3,}[Ss][0-9]{3,}$/)
  session_code!: string;
}

export class ChannelParamDto {
  @ApiProperty({ example: 'CH1 Raw', description: 'A name of the channel list (case-insensitive)' })
  @IsString()
  @MaxLength(64)
  channel_name!: string;
}

export class SessionChannelParamDto extends IntersectionType(SessionRefParamDto, ChannelParamDto) {}
export class SessionCodeChannelParamDto extends IntersectionType(SessionCodeRefParamDto, ChannelParamDto) {}

export class SignalQueryDto {
  @ApiPropertyOptional({ description: 'Include rms_envelope (default true)' })
  @IsOptional()
  @Transform(toOptionalBoolean)
  @IsBoolean()
  include_rms?: boolean;

  @ApiPropertyOptional({
    description: 'Keep every k-th sample (the original’s parameter; default 1)',
    minimum: 1,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(1)
  @Max(10_000)
  downsample_factor?: number;

  @ApiPropertyOptional({
    description: `At most this many points, min/max per bucket (default ${DEFAULT_SIGNAL_POINTS} without downsample_factor); 0 = no limit`,
    minimum: 0,
    maximum: MAX_SIGNAL_POINTS,
  })
  @IsOptional()
  @Transform(toOptionalNumber)
  @IsInt()
  @Min(0)
  @Max(MAX_SIGNAL_POINTS)
  max_points?: number;
}

export class ChannelListDto {
  @ApiProperty() success!: boolean;
  @ApiProperty({ format: 'uuid' }) session_id!: string;
  @ApiProperty() session_code!: string;
  @ApiProperty({ type: [String] }) channel_names!: string[];
  @ApiProperty() channel_count!: number;
  @ApiProperty({ description: 'Hz' }) sampling_rate!: number;
  @ApiProperty({ description: 'EMG duration, s (samples / sampling_rate)' }) duration_seconds!: number;
  @ApiProperty() samples!: number;
  @ApiProperty() jit_enabled!: boolean;
  @ApiProperty() result_version!: number;
  @ApiProperty() note!: string;
}

export class ChannelSignalDto {
  @ApiProperty() success!: boolean;
  @ApiProperty({ format: 'uuid' }) session_id!: string;
  @ApiProperty() session_code!: string;
  @ApiProperty({ example: 'CH1 Raw' }) channel_name!: string;
  @ApiProperty({ type: [Number], description: 'Seconds of each point; every array pairs with it' })
  time_axis!: number[];
  @ApiProperty({ type: [Number], description: 'V' }) data!: number[];
  @ApiProperty({
    type: [Number],
    nullable: true,
    description: '50 ms moving RMS (Processed: the envelope), V',
  })
  rms_envelope!: number[] | null;
  @ApiProperty({ type: [Number], nullable: true, description: 'Processed envelope, V ("<base> Raw" only)' })
  processed_data!: number[] | null;
  @ApiProperty({ description: 'Hz' }) sampling_rate!: number;
  @ApiProperty({ description: 'Samples of the full-resolution channel' }) samples!: number;
  @ApiProperty({ description: 'Duration of the channel, s (not of the points returned)' })
  duration_seconds!: number;
  @ApiProperty() points!: number;
  @ApiProperty() downsample_factor!: number;
  @ApiProperty({ description: '0 = no limit' }) max_points!: number;
  @ApiProperty() result_version!: number;
  @ApiProperty({ format: 'date-time' }) generated_at!: string;
  @ApiProperty() cache_note!: string;
}
