import { Global, Module, type DynamicModule } from '@nestjs/common';
import { AppConfig } from './app-config.js';

/** Provides the one validated {@link AppConfig}. The only module that sees process.env. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config?: AppConfig): DynamicModule {
    const value = config ?? AppConfig.fromEnv(process.env);
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: value }],
      exports: [AppConfig],
    };
  }
}
