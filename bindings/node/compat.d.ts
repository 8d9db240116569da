// Type declarations for libziggeo/compat: the official Node SDK's webhook call shapes.

import type { Client, ClientOptions, ZiggeoError } from './index';

declare namespace Ziggeo {
  export type Callbacks =
    | ((body: string) => void)
    | { success?: (body: string) => void; failure?: (error: ZiggeoError) => void };

  export class Webhooks {
    create(data: { target_url: string; encoding?: string; events: string }, callbacks?: Callbacks): void;
    confirm(data: { webhook_id: string; validation_code: string | number }, callbacks?: Callbacks): void;
    destroy(data: { target_url: string }, callbacks?: Callbacks): void;
  }
}

declare class Ziggeo {
  constructor(token: string, privateKey: string, encryptionKey?: string | null, options?: ClientOptions);
  readonly client: Client;
  readonly encryptionKey: string | null;
  readonly Webhooks: Ziggeo.Webhooks;
  /** Frees the underlying client; idempotent. */
  close(): void;
}

export = Ziggeo;
