// Type declarations for libziggeo: the Ziggeo server API's webhook calls
// and delivery parser, over the libziggeo C library.

/** The ZiggeoStatus codes of the C ABI; the numbers never change. */
export declare const Status: Readonly<{
  OK: 0;
  INVALID_ARGUMENT: 1;
  HTTP: 2;
  TIMEOUT: 3;
  CONNECTION: 4;
  DNS: 5;
  TLS: 6;
  INVALID_RESPONSE: 7;
  INVALID_DELIVERY: 8;
  INTERNAL: 9;
}>;

export type StatusCode = (typeof Status)[keyof typeof Status];

export type ErrorCode =
  | 'ZIGGEO_INVALID_ARGUMENT'
  | 'ZIGGEO_HTTP'
  | 'ZIGGEO_TIMEOUT'
  | 'ZIGGEO_CONNECTION'
  | 'ZIGGEO_DNS'
  | 'ZIGGEO_TLS'
  | 'ZIGGEO_INVALID_RESPONSE'
  | 'ZIGGEO_INVALID_DELIVERY'
  | 'ZIGGEO_INTERNAL';

/** A failed libziggeo call. The message never contains the private key. */
export declare class ZiggeoError extends Error {
  readonly name: 'ZiggeoError';
  /** The ZiggeoStatus number. */
  readonly status: StatusCode;
  /** The status as a string, such as 'ZIGGEO_HTTP'. */
  readonly code: ErrorCode;
  /** The HTTP status of an HTTP error, else null. */
  readonly httpStatus: number | null;
  /** The response body of an HTTP error (at most 64 KiB), else null. */
  readonly body: string | null;
  /** True when the request may have reached the server and taken effect. */
  readonly outcomeUnknown: boolean;
}

export interface ClientOptions {
  /** The API's base URL, such as 'http://127.0.0.1:8080'; by default the token's region decides. */
  baseUrl?: string;
  /** Limit on a whole call, retries included, in seconds (default 60). */
  timeout?: number;
  /** Limit on connecting, TLS included, in seconds (default 10). */
  connectTimeout?: number;
  /** Repeats of a failed attempt where that cannot duplicate work (default 3). */
  maxRetries?: number;
  /** The User-Agent header (default 'libziggeo/VERSION'). */
  userAgent?: string;
  /** A PEM file of CA certificates trusted besides the system's. */
  caBundle?: string;
  /** Honour HTTPS_PROXY, HTTP_PROXY, ALL_PROXY and NO_PROXY (default true). */
  proxyFromEnv?: boolean;
}

export type Encoding = 'json' | 'jsonheader' | 'form';

export interface CreateArguments {
  /** The absolute http(s) URL Ziggeo will POST to, sent byte for byte. */
  targetUrl: string;
  /** The delivery encoding; omitted means the server's default. */
  encoding?: Encoding | null;
  /** Event names, as a comma-separated string or an array. */
  events: string | readonly string[];
}

export interface ConfirmArguments {
  webhookId: string;
  /** Sent exactly as given, so '012345' keeps its zero. */
  validationCode: string;
}

export interface DeleteArguments {
  targetUrl: string;
}

/** The webhook calls of one Client. Each resolves to or returns the response body. */
export declare class Webhooks {
  /** Registers a webhook; resolves to the webhook id. */
  create(args: CreateArguments): Promise<string>;
  /** Confirms a webhook with the validation code Ziggeo sent. */
  confirm(args: ConfirmArguments): Promise<string>;
  /** Removes every webhook with exactly this target URL. */
  delete(args: DeleteArguments): Promise<string>;
  /** Confirms the webhook named in a parsed validation delivery. */
  confirmDelivery(delivery: Delivery): Promise<string>;
  /** Blocking form of create(); blocks the event loop until the server responds. */
  createSync(args: CreateArguments): string;
  /** Blocking form of confirm(). */
  confirmSync(args: ConfirmArguments): string;
  /** Blocking form of delete(). */
  deleteSync(args: DeleteArguments): string;
  /** Blocking form of confirmDelivery(). */
  confirmDeliverySync(delivery: Delivery): string;
}

/** A client of the Ziggeo server API for one application; call close() when done. */
export declare class Client {
  constructor(appToken: string, privateKey: string, options?: ClientOptions);
  readonly appToken: string;
  readonly baseUrl: string | null;
  readonly webhooks: Webhooks;
  /** True once close() has been called. */
  readonly closed: boolean;
  /** Frees the C client, now or when the last Promise call in flight ends; idempotent. */
  close(): void;
}

export declare const DeliveryKind: Readonly<{ PING: 'ping'; VALIDATION: 'validation'; EVENT: 'event' }>;

/** A parsed webhook delivery. */
export declare class Delivery {
  readonly kind: 'ping' | 'validation' | 'event';
  /** The event type of an event, such as 'video_ready', else null. */
  readonly eventType: string | null;
  /** The webhook id of a validation call, else null. */
  readonly webhookId: string | null;
  /** The validation code of a validation call, as the digits sent, else null. */
  readonly validationCode: string | null;
  /** The whole delivery as one object; an event's payload is data.data. */
  readonly data: Record<string, unknown>;
  /** Frees the C delivery; the properties stay readable. Idempotent. */
  close(): void;
}

/** Parses the body of a request Ziggeo POSTed to a webhook's target URL. */
export declare function parseDelivery(body: Uint8Array | string, contentType?: string | null): Delivery;

/** The version of the loaded C library, such as '0.1.0'. */
export declare function libraryVersion(): string;

/** The path of the loaded C library. */
export declare const libraryPath: string;
