<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI\CData;

/**
 * A parsed request that Ziggeo POSTed to a webhook's target URL: the
 * reachability ping, the validation call, or an event.
 *
 *     $delivery = Delivery::parse(file_get_contents('php://input'), $_SERVER['CONTENT_TYPE'] ?? null);
 *
 * Every field is copied into PHP strings when the delivery is parsed. The
 * delivery also owns a native handle, for Webhooks::confirmDelivery(), which
 * its destructor frees. Immutable; a delivery cannot be cloned.
 */
final class Delivery
{
    private function __construct(
        private readonly CData $handle,
        private readonly DeliveryKind $kind,
        private readonly ?string $eventType,
        private readonly ?string $webhookId,
        private readonly ?string $validationCode,
        private readonly string $json,
    ) {
    }

    /**
     * Parses a request body and its Content-Type header (null when absent).
     * Throws InvalidDeliveryException for a body that is not a delivery.
     */
    public static function parse(string $body, ?string $contentType): self
    {
        $ffi = Native::ffi();
        $contentType = Native::cString('content_type', $contentType);
        $length = strlen($body);
        $buffer = null;
        if ($length > 0) {
            $buffer = $ffi->new("uint8_t[{$length}]");
            \FFI::memcpy($buffer, $body, $length);
        }

        $delivery = $ffi->new('ZiggeoDelivery *');
        Native::invoke(static fn (CData $error): int => $ffi->ziggeo_delivery_parse(
            $contentType,
            $buffer,
            $length,
            \FFI::addr($delivery),
            $error,
        ));

        try {
            $json = (string) Native::ownedString(static fn (CData $out, CData $error): int => $ffi
                ->ziggeo_delivery_json($delivery, $out, $error));
            return new self(
                $delivery,
                DeliveryKind::from($ffi->ziggeo_delivery_kind($delivery)),
                $ffi->ziggeo_delivery_event_type($delivery),
                $ffi->ziggeo_delivery_webhook_id($delivery),
                $ffi->ziggeo_delivery_validation_code($delivery),
                $json,
            );
        } catch (\Throwable $e) {
            $ffi->ziggeo_delivery_free($delivery);
            throw $e;
        }
    }

    public function kind(): DeliveryKind
    {
        return $this->kind;
    }

    public function isPing(): bool
    {
        return $this->kind === DeliveryKind::Ping;
    }

    public function isValidation(): bool
    {
        return $this->kind === DeliveryKind::Validation;
    }

    public function isEvent(): bool
    {
        return $this->kind === DeliveryKind::Event;
    }

    /** Event type of an event, such as "video_ready"; null otherwise. */
    public function eventType(): ?string
    {
        return $this->eventType;
    }

    /** Webhook id of a validation call; null otherwise. */
    public function webhookId(): ?string
    {
        return $this->webhookId;
    }

    /** Validation code of a validation call, as the digits sent; null otherwise. */
    public function validationCode(): ?string
    {
        return $this->validationCode;
    }

    /** Returns the whole delivery normalised to one JSON document. */
    public function json(): string
    {
        return $this->json;
    }

    /**
     * Returns the delivery decoded from json() as an associative array.
     *
     * @return array<string, mixed>
     */
    public function data(): array
    {
        return json_decode($this->json, true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Returns the native handle.
     *
     * @internal Used by Webhooks::confirmDelivery().
     */
    public function handle(): CData
    {
        return $this->handle;
    }

    public function __destruct()
    {
        Native::ffi()->ziggeo_delivery_free($this->handle);
    }

    /** @return array<string, string|null> */
    public function __debugInfo(): array
    {
        return [
            'kind' => $this->kind->name,
            'eventType' => $this->eventType,
            'webhookId' => $this->webhookId,
            'validationCode' => $this->validationCode,
        ];
    }

    private function __clone()
    {
    }
}
