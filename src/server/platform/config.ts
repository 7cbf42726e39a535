import { DEFAULT_DATABASE_URL } from '../../../db/client.ts';
import { isLocale, type Locale } from '../../domain/common/index.ts';

/** Everything Camau reads from the environment, in one place (documented in the README). */
export type Config = {
  databaseUrl: string;
  databaseAuthToken: string | undefined;
  publicUrl: URL;
  smtpUrl: string | undefined;
  mailFrom: string;
  demo: boolean;
  trustProxy: boolean;
  /** The language of a first visit that asks for neither (one deployment may serve several organisations). */
  defaultLanguage: Locale;
};

let current: Config | undefined;

/** The configuration of this process, read once. */
export function config(): Config {
  current ??= readConfig();
  return current;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = env.PORT ?? '4321';
  const publicUrl = new URL(env.PUBLIC_URL || `http://localhost:${port}`);
  return {
    databaseUrl: env.DATABASE_URL || DEFAULT_DATABASE_URL,
    databaseAuthToken: env.DATABASE_AUTH_TOKEN || undefined,
    publicUrl,
    smtpUrl: env.SMTP_URL || undefined,
    mailFrom: env.MAIL_FROM || `Camau <no-reply@${publicUrl.hostname === 'localhost' ? 'camau.example' : publicUrl.hostname}>`,
    demo: (env.CAMAU_DEMO ?? 'on').toLowerCase() !== 'off',
    trustProxy: ['1', 'true', 'yes'].includes((env.TRUST_PROXY ?? '').toLowerCase()),
    defaultLanguage: isLocale(env.DEFAULT_LANGUAGE) ? env.DEFAULT_LANGUAGE : 'cy',
  };
}

/** Whether cookies must be `Secure` (and `__Host-` prefixed): whenever Camau is served over HTTPS. */
export function servedOverHttps(config: Config, requestUrl?: URL): boolean {
  return config.publicUrl.protocol === 'https:' || requestUrl?.protocol === 'https:';
}
