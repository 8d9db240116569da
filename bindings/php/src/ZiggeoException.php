<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI\CData;

/**
 * Base class of every exception this package throws.
 *
 * getStatus() is the libziggeo status. getHttpStatus() and getBody() are the
 * server's response for an HttpException, and null otherwise. getCode() is
 * the HTTP status too (0 otherwise), as in the official SDK's exception.
 * isOutcomeUnknown() is true when the request may have reached the server
 * and taken effect, so a create may have registered the webhook. Messages
 * never contain the private key.
 */
class ZiggeoException extends \RuntimeException
{
    private const CLASSES = [
        1 => Exception\InvalidArgumentException::class,
        2 => Exception\HttpException::class,
        3 => Exception\TimeoutException::class,
        4 => Exception\ConnectionException::class,
        5 => Exception\DnsException::class,
        6 => Exception\TlsException::class,
        7 => Exception\InvalidResponseException::class,
        8 => Exception\InvalidDeliveryException::class,
        9 => Exception\InternalException::class,
    ];

    final public function __construct(
        string $message,
        private readonly Status $status,
        private readonly ?int $httpStatus = null,
        private readonly ?string $body = null,
        private readonly bool $outcomeUnknown = false,
    ) {
        parent::__construct($message, $httpStatus ?? 0);
    }

    public function getStatus(): Status
    {
        return $this->status;
    }

    public function getHttpStatus(): ?int
    {
        return $this->httpStatus;
    }

    public function getBody(): ?string
    {
        return $this->body;
    }

    public function isOutcomeUnknown(): bool
    {
        return $this->outcomeUnknown;
    }

    /**
     * Builds the exception for a failed call from its status code and its
     * ZiggeoError pointer, which this takes ownership of and frees.
     *
     * @internal
     */
    public static function fromNative(int $code, CData $error): self
    {
        $ffi = Native::ffi();
        $status = Status::tryFrom($code) ?? Status::Internal;
        $class = self::CLASSES[$status->value] ?? Exception\InternalException::class;
        if (\FFI::isNull($error)) {
            return new $class($ffi->ziggeo_status_message($code), $status);
        }
        try {
            $httpStatus = $ffi->ziggeo_error_http_status($error);
            return new $class(
                (string) $ffi->ziggeo_error_message($error),
                $status,
                $httpStatus === 0 ? null : $httpStatus,
                $ffi->ziggeo_error_body($error),
                $ffi->ziggeo_error_outcome_unknown($error),
            );
        } finally {
            $ffi->ziggeo_error_free($error);
        }
    }

    /**
     * Builds an invalid-argument exception raised by this package itself.
     *
     * @internal
     */
    public static function invalidArgument(string $message): Exception\InvalidArgumentException
    {
        return new Exception\InvalidArgumentException($message, Status::InvalidArgument);
    }
}
