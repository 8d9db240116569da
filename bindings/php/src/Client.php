<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI\CData;

/**
 * A client of the Ziggeo server API for one application.
 *
 *     $client = new Client($appToken, $privateKey, ['timeout' => 10]);
 *     $webhookId = $client->webhooks()->create($targetUrl, 'json', ['video_ready']);
 *     $client->close();
 *
 * See Options for the option keys. Invalid options throw
 * Exception\InvalidArgumentException; nothing is sent until a call.
 *
 * Ownership: the client owns a native handle. close() frees it and may be
 * called any number of times; the destructor calls it too. A client cannot
 * be cloned. The private key is not kept in any PHP property.
 *
 * Thread safety: PHP runs one request per thread, so a client belongs to
 * the script that made it. The native client itself is thread-safe.
 */
final class Client
{
    private ?CData $handle = null;

    /** @param array<string, mixed> $options */
    public function __construct(string $appToken, #[\SensitiveParameter] string $privateKey, array $options = [])
    {
        $ffi = Native::ffi();
        $client = $ffi->new('ZiggeoClient *');
        $token = Native::cString('app_token', $appToken);
        $key = Native::cString('private_key', $privateKey);
        Options::with($options, static function (CData $optionsPointer) use ($ffi, $token, $key, $client): void {
            Native::invoke(static fn (CData $error): int => $ffi->ziggeo_client_new(
                $token,
                $key,
                $optionsPointer,
                \FFI::addr($client),
                $error,
            ));
        });
        $this->handle = $client;
    }

    /** Returns the webhook calls of this client. */
    public function webhooks(): Webhooks
    {
        return new Webhooks($this);
    }

    /** Frees the native client. Later calls throw ClosedException; closing again does nothing. */
    public function close(): void
    {
        if ($this->handle !== null) {
            Native::ffi()->ziggeo_client_free($this->handle);
            $this->handle = null;
        }
    }

    public function isClosed(): bool
    {
        return $this->handle === null;
    }

    public function __destruct()
    {
        $this->close();
    }

    /** @return array<string, bool> */
    public function __debugInfo(): array
    {
        return ['closed' => $this->isClosed()];
    }

    /**
     * Returns the live native handle.
     *
     * @internal Used by Webhooks.
     */
    public function handle(): CData
    {
        if ($this->handle === null) {
            throw new Exception\ClosedException(
                'the client is closed; create a new Libziggeo\Client',
                Status::InvalidArgument,
            );
        }
        return $this->handle;
    }

    private function __clone()
    {
    }
}
