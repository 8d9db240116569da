<?php

declare(strict_types=1);

namespace Libziggeo\Compat;

use Libziggeo\Client;

/**
 * The official SDK's `Ziggeo` class for webhooks, so that switching needs
 * one line changed:
 *
 *     $ziggeo = new Ziggeo($token, $privateKey);                    // official
 *     $ziggeo = new \Libziggeo\Compat\Ziggeo($token, $privateKey);  // this package
 *     $ziggeo->webhooks()->create(array('target_url' => $url, 'encoding' => 'json', 'events' => 'video_ready'));
 *
 * $options takes the keys of Libziggeo\Client, such as base_url. Ownership
 * and thread safety are those of the Client it wraps.
 */
final class Ziggeo
{
    private readonly Client $client;

    /**
     * $encryptionKey is accepted for the official signature and unused,
     * because no webhook call needs it.
     *
     * @param array<string, mixed> $options
     */
    public function __construct(
        private readonly string $token,
        #[\SensitiveParameter] string $privateKey,
        #[\SensitiveParameter] ?string $encryptionKey = null,
        array $options = [],
    ) {
        $this->client = new Client($token, $privateKey, $options);
    }

    public function token(): string
    {
        return $this->token;
    }

    public function webhooks(): Webhooks
    {
        return new Webhooks($this->client->webhooks());
    }

    /** Returns the Libziggeo\Client underneath, for its own calls. */
    public function client(): Client
    {
        return $this->client;
    }

    /** Frees the native client; safe to call more than once. */
    public function close(): void
    {
        $this->client->close();
    }

    /** @return array<string, mixed> */
    public function __debugInfo(): array
    {
        return ['token' => $this->token, 'closed' => $this->client->isClosed()];
    }
}
