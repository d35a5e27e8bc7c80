/* eslint-disable */
export default async () => {
  const t = {
    ['./auth/dto/login.dto.js']: await import('./auth/dto/login.dto.js'),
    ['./user/dto/audit-log.dto.js']: await import('./user/dto/audit-log.dto.js'),
    ['./user/dto/user.dto.js']: await import('./user/dto/user.dto.js'),
    ['./health/dto/health.dto.js']: await import('./health/dto/health.dto.js'),
    ['./patient/dto/patient.dto.js']: await import('./patient/dto/patient.dto.js'),
    ['./patient/dto/medical-info.dto.js']: await import('./patient/dto/medical-info.dto.js'),
    ['./user/dto/therapist.dto.js']: await import('./user/dto/therapist.dto.js'),
  };
  return {
    '@nestjs/swagger': {
      models: [
        [
          import('./shared/config/env.dto.js'),
          {
            EnvironmentVariables: {
              PORT: { required: true, type: () => Object, default: 8080, minimum: 0, maximum: 65535 },
              HOST: { required: true, type: () => Object, default: '127.0.0.1' },
              DATA_DIR: { required: true, type: () => Object, default: './data', minLength: 1 },
              LOG_LEVEL: { required: true, default: 'info', enum: ['debug', 'info', 'warn', 'error'] },
              ALLOWED_ORIGINS: {
                required: true,
                type: () => Object,
                description: 'Comma-separated origins allowed by CORS; empty = no cross-origin access.',
                default: '',
              },
              APP_ROLE: { required: true, default: 'all', enum: ['api', 'worker', 'all'] },
              DATABASE_URL: { required: false, type: () => String, pattern: '^postgres(ql)?:\\/\\/' },
              DB_MIGRATE_ON_START: { required: true, type: () => Object, default: false },
              DB_POOL_SIZE: { required: true, type: () => Object, default: 10, minimum: 1, maximum: 200 },
              REDIS_URL: { required: false, type: () => String, pattern: '^rediss?:\\/\\/' },
              CACHE_TTL_SECONDS: { required: true, type: () => Object, default: 3600, minimum: 1 },
              STORAGE_DRIVER: { required: true, default: 'filesystem', enum: ['filesystem', 'supabase'] },
              STORAGE_BUCKET: {
                required: true,
                type: () => Object,
                default: 'c3d-examples',
                pattern: '^[a-z0-9][a-z0-9._-]{1,62}$',
              },
              SUPABASE_URL: { required: false, type: () => String, format: 'uri' },
              SUPABASE_SERVICE_ROLE_KEY: { required: false, type: () => String, minLength: 20 },
              SUPABASE_JWT_SECRET: { required: false, type: () => String, minLength: 32 },
              JWT_SECRET: {
                required: false,
                type: () => String,
                description:
                  'Secret that signs self-hosted access tokens; embedded mode generates and keeps one under DATA_DIR.',
                minLength: 32,
              },
              JWT_EXPIRES_IN_SECONDS: {
                required: true,
                type: () => Object,
                default: 3600,
                minimum: 60,
                maximum: 86400,
              },
              ADMIN_EMAIL: { required: false, type: () => String },
              ADMIN_PASSWORD: { required: false, type: () => String, minLength: 8 },
              WEBHOOK_SECRET: { required: false, type: () => String, minLength: 16 },
              WEBHOOK_ALLOW_UNSIGNED: { required: true, type: () => Object, default: false },
              MAX_UPLOAD_BYTES: { required: true, type: () => Object, minimum: 1024 },
              QUEUE_CONCURRENCY: { required: true, type: () => Object, default: 2, minimum: 1, maximum: 64 },
              JOB_ATTEMPTS: { required: true, type: () => Object, default: 4, minimum: 1, maximum: 20 },
              JOB_BACKOFF_MS: {
                required: true,
                type: () => Object,
                default: 1000,
                minimum: 10,
                maximum: 600000,
              },
              JOB_LOCK_MS: {
                required: true,
                type: () => Object,
                description:
                  'How long a Bull job lock lives before another worker may take a stalled job over.',
                default: 30000,
                minimum: 1000,
                maximum: 600000,
              },
              ANALYSIS_THREADS: { required: true, type: () => Object, default: 1, minimum: 0, maximum: 32 },
              SHUTDOWN_TIMEOUT_MS: {
                required: true,
                type: () => Object,
                default: 20000,
                minimum: 0,
                maximum: 600000,
              },
            },
          },
        ],
        [
          import('./shared/errors/error-response.dto.js'),
          {
            ErrorResponseDto: {
              statusCode: { required: true, type: () => Number },
              error: { required: true, type: () => String },
              message: { required: true, type: () => String },
              details: { required: false, type: () => Object },
              requestId: { required: true, type: () => String },
            },
          },
        ],
        [
          import('./auth/dto/login.dto.js'),
          {
            LoginRequestDto: {
              email: { required: true, type: () => String, maxLength: 320, format: 'email' },
              password: { required: true, type: () => String, minLength: 1, maxLength: 1024 },
            },
            LoginUserDto: {
              id: { required: true, type: () => String },
              email: { required: true, type: () => String },
              role: { required: true, enum: ['admin', 'therapist', 'researcher'] },
            },
            LoginResponseDto: {
              access_token: { required: true, type: () => String },
              token_type: { required: true, enum: ['bearer'] },
              expires_in: { required: true, type: () => Number },
              user: { required: true, type: () => t['./auth/dto/login.dto.js'].LoginUserDto },
            },
          },
        ],
        [
          import('./patient/dto/medical-info.dto.js'),
          {
            PutMedicalInfoDto: {
              first_name: { required: true, type: () => String, minLength: 1, maxLength: 100 },
              last_name: { required: true, type: () => String, minLength: 1, maxLength: 100 },
              date_of_birth: { required: true, type: () => String },
              gender: { required: true, type: () => String, minLength: 1, maxLength: 20 },
              room_number: { required: false, type: () => String, maxLength: 50 },
              admission_date: { required: false, type: () => String },
              primary_diagnosis: { required: false, type: () => String, maxLength: 2000 },
              mobility_status: { required: false, type: () => String, maxLength: 50 },
              height_cm: { required: false, type: () => Number, maximum: 300, minimum: 1 },
              weight_kg: { required: false, type: () => Number, maximum: 500, minimum: 1 },
              cognitive_status: { required: false, type: () => String, maxLength: 50 },
              patient_status: { required: false, type: () => String, maxLength: 50 },
            },
            MedicalInfoDto: {
              patient_code: { required: true, type: () => String },
              first_name: { required: true, type: () => String },
              last_name: { required: true, type: () => String },
              date_of_birth: { required: true, type: () => String },
              gender: { required: true, type: () => String },
              room_number: { required: true, type: () => String, nullable: true },
              admission_date: { required: true, type: () => String, nullable: true },
              primary_diagnosis: { required: true, type: () => String, nullable: true },
              mobility_status: { required: true, type: () => String },
              height_cm: { required: true, type: () => Number, nullable: true },
              weight_kg: { required: true, type: () => Number, nullable: true },
              bmi_value: { required: true, type: () => Number, nullable: true },
              bmi_status: { required: true, type: () => String, nullable: true },
              cognitive_status: { required: true, type: () => String },
              patient_status: { required: true, type: () => String },
              created_at: { required: true, type: () => String },
              updated_at: { required: true, type: () => String },
            },
          },
        ],
        [
          import('./shared/pagination/page.dto.js'),
          {
            PageQueryDto: {
              limit: { required: true, type: () => Number, minimum: 1 },
              offset: { required: true, type: () => Number, default: 0, minimum: 0 },
            },
          },
        ],
        [
          import('./patient/dto/patient.dto.js'),
          {
            PatientCodeParamDto: {
              patient_code: { required: true, type: () => String, pattern: '^P[0-9]{3,}$' },
            },
            CreatePatientDto: { therapist_id: { required: false, type: () => String, format: 'uuid' } },
            UpdatePatientDto: {
              therapist_id: { required: false, type: () => String, format: 'uuid' },
              active: { required: false, type: () => Boolean },
              current_scoring_config_id: {
                required: false,
                type: () => String,
                nullable: true,
                format: 'uuid',
              },
            },
            ListPatientsQueryDto: {
              active: { required: false, type: () => Boolean },
              therapist_id: { required: false, type: () => String, format: 'uuid' },
            },
            PatientDto: {
              id: { required: true, type: () => String },
              patient_code: { required: true, type: () => String },
              therapist_id: { required: true, type: () => String },
              age_group: { required: true, type: () => String, nullable: true },
              gender: { required: true, type: () => String, nullable: true },
              pathology_category: { required: true, type: () => String, nullable: true },
              active: { required: true, type: () => Boolean },
              treatment_start_date: { required: true, type: () => String },
              total_sessions_planned: { required: true, type: () => Number },
              current_mvc75_ch1: { required: true, type: () => Number, nullable: true },
              current_mvc75_ch2: { required: true, type: () => Number, nullable: true },
              current_target_ch1_ms: { required: true, type: () => Number, nullable: true },
              current_target_ch2_ms: { required: true, type: () => Number, nullable: true },
              bfr_target_lop_percentage_ch1: { required: true, type: () => Number },
              bfr_target_lop_percentage_ch2: { required: true, type: () => Number },
              last_assessment_date: { required: true, type: () => String, nullable: true },
              current_scoring_config_id: { required: true, type: () => String, nullable: true },
              session_count: { required: true, type: () => Number },
              created_at: { required: true, type: () => String },
              updated_at: { required: true, type: () => String },
            },
            PatientPageDto: {},
          },
        ],
        [
          import('./user/dto/audit-log.dto.js'),
          {
            AuditEntryDto: {
              id: { required: true, type: () => String },
              timestamp: { required: true, type: () => String },
              user_id: { required: true, type: () => String, nullable: true },
              user_role: { required: true, type: () => String, nullable: true },
              action: { required: true, type: () => String },
              table_name: { required: true, type: () => String },
              record_id: { required: true, type: () => String, nullable: true },
              changes: { required: true, type: 'object', additionalProperties: true, nullable: true },
            },
            AuditLogDto: {
              count: { required: true, type: () => Number },
              audit_logs: { required: true, type: () => [t['./user/dto/audit-log.dto.js'].AuditEntryDto] },
            },
          },
        ],
        [
          import('./user/dto/user.dto.js'),
          {
            UserIdParamDto: { id: { required: true, type: () => String, format: 'uuid' } },
            CreateUserDto: {
              email: { required: true, type: () => String, maxLength: 320, format: 'email' },
              password: { required: false, type: () => String, minLength: 8, maxLength: 1024 },
              role: { required: true, enum: ['admin', 'therapist', 'researcher'] },
              first_name: { required: true, type: () => String, minLength: 1, maxLength: 100 },
              last_name: { required: true, type: () => String, minLength: 1, maxLength: 100 },
              institution: { required: false, type: () => String, maxLength: 200 },
              department: { required: false, type: () => String, maxLength: 200 },
              access_level: { required: false, enum: ['full', 'advanced', 'basic'] },
            },
            UpdateUserDto: {
              role: { required: false, enum: ['admin', 'therapist', 'researcher'] },
              first_name: { required: false, type: () => String, minLength: 1, maxLength: 100 },
              last_name: { required: false, type: () => String, minLength: 1, maxLength: 100 },
              institution: { required: false, type: () => String, maxLength: 200 },
              department: { required: false, type: () => String, maxLength: 200 },
              access_level: { required: false, enum: ['full', 'advanced', 'basic'] },
              active: { required: false, type: () => Boolean },
            },
            ResetPasswordDto: {
              new_password: { required: false, type: () => String, minLength: 8, maxLength: 1024 },
            },
            ListUsersQueryDto: { role: { required: false, enum: ['admin', 'therapist', 'researcher'] } },
            AuditLogQueryDto: {
              limit: { required: true, type: () => Number, default: 50, minimum: 1, maximum: 500 },
            },
            UserDto: {
              id: { required: true, type: () => String },
              email: { required: true, type: () => String, nullable: true },
              role: { required: true, enum: ['admin', 'therapist', 'researcher'] },
              user_code: { required: true, type: () => String },
              first_name: { required: true, type: () => String, nullable: true },
              last_name: { required: true, type: () => String, nullable: true },
              full_name: { required: true, type: () => String },
              institution: { required: true, type: () => String, nullable: true },
              department: { required: true, type: () => String, nullable: true },
              access_level: { required: true, type: () => String },
              active: { required: true, type: () => Boolean },
              last_login: { required: true, type: () => String, nullable: true },
              created_at: { required: true, type: () => String },
              updated_at: { required: true, type: () => String },
            },
            UserPageDto: {},
            CreatedUserDto: {
              user: { required: true, type: () => t['./user/dto/user.dto.js'].UserDto },
              temporary_password: { required: false, type: () => String },
            },
            PasswordResetDto: {
              user_id: { required: true, type: () => String },
              masked_password: { required: true, type: () => String },
              temporary_password: { required: false, type: () => String },
            },
          },
        ],
        [
          import('./user/dto/therapist.dto.js'),
          {
            TherapistPatientCodeParamDto: {
              patient_code: { required: true, type: () => String, pattern: '^P[0-9]{3,}$' },
            },
            TherapistDto: {
              id: { required: true, type: () => String },
              first_name: { required: true, type: () => String, nullable: true },
              last_name: { required: true, type: () => String, nullable: true },
              user_code: { required: true, type: () => String },
              role: { required: true, type: () => String },
              display_name: { required: true, type: () => String },
            },
          },
        ],
        [
          import('./health/dto/health.dto.js'),
          {
            HealthDto: {
              status: { required: true, enum: ['healthy'] },
              timestamp: { required: true, type: () => String },
            },
            ReadinessChecksDto: {
              database: { required: true, type: () => String },
              redis: { required: true, type: () => String },
              storage: { required: true, type: () => String },
            },
            ReadinessDto: {
              status: { required: true, enum: ['ready'] },
              checks: { required: true, type: () => t['./health/dto/health.dto.js'].ReadinessChecksDto },
              timestamp: { required: true, type: () => String },
            },
          },
        ],
      ],
      controllers: [
        [
          import('./auth/auth.controller.js'),
          { AuthController: { login: { type: t['./auth/dto/login.dto.js'].LoginResponseDto } } },
        ],
        [
          import('./patient/patient.controller.js'),
          {
            PatientController: {
              create: { type: t['./patient/dto/patient.dto.js'].PatientDto },
              list: { type: t['./patient/dto/patient.dto.js'].PatientPageDto },
              get: { type: t['./patient/dto/patient.dto.js'].PatientDto },
              update: { type: t['./patient/dto/patient.dto.js'].PatientDto },
              getMedicalInfo: { type: t['./patient/dto/medical-info.dto.js'].MedicalInfoDto },
              putMedicalInfo: { type: t['./patient/dto/medical-info.dto.js'].MedicalInfoDto },
            },
          },
        ],
        [
          import('./user/admin-users.controller.js'),
          {
            AdminUsersController: {
              create: { type: t['./user/dto/user.dto.js'].CreatedUserDto },
              list: { type: t['./user/dto/user.dto.js'].UserPageDto },
              update: { type: t['./user/dto/user.dto.js'].UserDto },
              resetPassword: { type: t['./user/dto/user.dto.js'].PasswordResetDto },
              auditLog: { type: t['./user/dto/audit-log.dto.js'].AuditLogDto },
            },
          },
        ],
        [
          import('./user/me.controller.js'),
          { MeController: { me: { type: t['./user/dto/user.dto.js'].UserDto } } },
        ],
        [
          import('./user/therapists.controller.js'),
          {
            TherapistsController: {
              resolve: { type: t['./user/dto/therapist.dto.js'].TherapistDto },
              byId: { type: t['./user/dto/therapist.dto.js'].TherapistDto },
            },
          },
        ],
        [
          import('./health/health.controller.js'),
          {
            HealthController: {
              live: { type: t['./health/dto/health.dto.js'].HealthDto },
              ready: { type: t['./health/dto/health.dto.js'].ReadinessDto },
            },
          },
        ],
      ],
    },
  };
};
