<?php

declare(strict_types=1);

namespace Libziggeo\Compat;

use Libziggeo\Webhooks as NativeWebhooks;
use Libziggeo\ZiggeoException;

/**
 * The official SDK's `ZiggeoWebhooks` calls, each taking an array of form
 * fields and returning the response body. Unlike the official SDK, every
 * failure throws a Libziggeo\ZiggeoException.
 */
final class Webhooks
{
    public function __construct(private readonly NativeWebhooks $webhooks)
    {
    }

    /**
     * Takes 'target_url', 'encoding' (optional) and 'events' (a string, or a
     * list that is joined with commas).
     *
     * @param array<string, mixed> $data
     */
    public function create(array $data = []): string
    {
        $fields = self::fields($data, ['target_url', 'encoding', 'events']);
        return $this->webhooks->create(
            self::text($fields, 'target_url'),
            isset($fields['encoding']) ? self::text($fields, 'encoding') : null,
            is_array($fields['events'] ?? null) ? $fields['events'] : self::text($fields, 'events'),
        );
    }

    /**
     * Takes 'webhook_id' and 'validation_code'.
     *
     * @param array<string, mixed> $data
     */
    public function confirm(array $data = []): string
    {
        $fields = self::fields($data, ['webhook_id', 'validation_code']);
        return $this->webhooks->confirm(self::text($fields, 'webhook_id'), self::text($fields, 'validation_code'));
    }

    /**
     * Takes 'target_url'.
     *
     * @param array<string, mixed> $data
     */
    public function delete(array $data = []): string
    {
        $fields = self::fields($data, ['target_url']);
        return $this->webhooks->delete(self::text($fields, 'target_url'));
    }

    /**
     * Returns $data after checking that it names only $allowed fields.
     *
     * @param array<string, mixed> $data
     * @param list<string> $allowed
     * @return array<string, mixed>
     */
    private static function fields(array $data, array $allowed): array
    {
        $unknown = array_diff(array_keys($data), $allowed);
        if ($unknown !== []) {
            throw ZiggeoException::invalidArgument(
                'unknown field ' . implode(', ', array_map('json_encode', $unknown))
                . '; this call takes ' . implode(', ', $allowed),
            );
        }
        return $data;
    }

    /** @param array<string, mixed> $fields */
    private static function text(array $fields, string $name): string
    {
        $value = $fields[$name] ?? null;
        if (is_int($value)) {
            return (string) $value;
        }
        if (!is_string($value)) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: expected a string, got " . get_debug_type($value) . "; pass the '{$name}' field",
            );
        }
        return $value;
    }
}
