<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI\CData;

/**
 * The webhook calls of one Client, reached as $client->webhooks(). Each call
 * blocks until the server responds or the client's timeout passes, returns
 * the response body, and throws a ZiggeoException on failure.
 */
final class Webhooks
{
    public function __construct(private readonly Client $client)
    {
    }

    /**
     * Registers a webhook and returns its id. $encoding is "json",
     * "jsonheader", "form" or null for the server's default; $events is a
     * comma-separated string or a list of event types. A create is never
     * sent twice; when the exception's isOutcomeUnknown() is true the webhook
     * may exist, and delete() with the same target URL removes it.
     *
     * @param string|list<string> $events
     */
    public function create(string $targetUrl, ?string $encoding, string|array $events): string
    {
        $url = Native::cString('target_url', $targetUrl);
        $encoding = Native::cString('encoding', $encoding);
        $events = Native::cString('events', is_array($events) ? implode(',', $events) : $events);
        return $this->call(fn (CData $client, CData $body, CData $error): int => Native::ffi()
            ->ziggeo_webhooks_create($client, $url, $encoding, $events, $body, $error));
    }

    /**
     * Confirms a webhook with the validation code sent to its target URL,
     * and returns the response body. Pass the code as a string to keep
     * leading zeros.
     */
    public function confirm(string $webhookId, string|int $validationCode): string
    {
        $id = Native::cString('webhook_id', $webhookId);
        $code = Native::cString('validation_code', (string) $validationCode);
        return $this->call(fn (CData $client, CData $body, CData $error): int => Native::ffi()
            ->ziggeo_webhooks_confirm($client, $id, $code, $body, $error));
    }

    /**
     * Confirms the webhook named in a parsed validation delivery, and
     * returns the response body.
     */
    public function confirmDelivery(Delivery $delivery): string
    {
        return $this->call(fn (CData $client, CData $body, CData $error): int => Native::ffi()
            ->ziggeo_webhooks_confirm_delivery($client, $delivery->handle(), $body, $error));
    }

    /**
     * Removes every webhook whose target URL is exactly $targetUrl, and
     * returns the response body.
     */
    public function delete(string $targetUrl): string
    {
        $url = Native::cString('target_url', $targetUrl);
        return $this->call(fn (CData $client, CData $body, CData $error): int => Native::ffi()
            ->ziggeo_webhooks_delete($client, $url, $body, $error));
    }

    /** @param callable(CData, CData, CData): int $call */
    private function call(callable $call): string
    {
        $handle = $this->client->handle();
        return (string) Native::ownedString(static fn (CData $body, CData $error): int => $call($handle, $body, $error));
    }
}
