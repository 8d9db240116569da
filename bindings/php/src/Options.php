<?php

declare(strict_types=1);

namespace Libziggeo;

use FFI\CData;

/**
 * Builds a native ZiggeoOptions object from Client's options array.
 *
 * Keys (all optional): base_url, timeout and connect_timeout in seconds,
 * max_retries, user_agent, ca_bundle (a PEM file path) and proxy_from_env.
 * Unset options keep libziggeo's defaults: the application token's region,
 * 10 s connect timeout, 60 s timeout, 3 retries, the libziggeo user agent,
 * no extra CA bundle and proxy variables honoured.
 *
 * @internal
 */
final class Options
{
    public const NAMES = ['base_url', 'timeout', 'connect_timeout', 'max_retries', 'user_agent', 'ca_bundle', 'proxy_from_env'];

    /**
     * Calls $use with a native options pointer that has $options applied,
     * and frees the pointer when $use returns.
     *
     * @param array<string, mixed> $options
     * @param callable(CData): void $use
     */
    public static function with(array $options, callable $use): void
    {
        $unknown = array_diff(array_keys($options), self::NAMES);
        if ($unknown !== []) {
            throw ZiggeoException::invalidArgument(
                'unknown client option ' . implode(', ', array_map('json_encode', $unknown))
                . '; use ' . implode(', ', self::NAMES),
            );
        }

        $ffi = Native::ffi();
        $pointer = $ffi->ziggeo_options_new();
        try {
            foreach ($options as $name => $value) {
                if ($value !== null) {
                    self::apply($pointer, $name, $value);
                }
            }
            $use($pointer);
        } finally {
            $ffi->ziggeo_options_free($pointer);
        }
    }

    private static function apply(CData $pointer, string $name, mixed $value): void
    {
        $ffi = Native::ffi();
        Native::invoke(static fn (CData $error): int => match ($name) {
            'base_url' => $ffi->ziggeo_options_set_base_url($pointer, self::text($name, $value), $error),
            'user_agent' => $ffi->ziggeo_options_set_user_agent($pointer, self::text($name, $value), $error),
            'ca_bundle' => $ffi->ziggeo_options_set_ca_bundle($pointer, self::text($name, $value), $error),
            'timeout' => $ffi->ziggeo_options_set_timeout_ms($pointer, self::milliseconds($name, $value), $error),
            'connect_timeout' => $ffi->ziggeo_options_set_connect_timeout_ms(
                $pointer,
                self::milliseconds($name, $value),
                $error,
            ),
            'max_retries' => $ffi->ziggeo_options_set_max_retries($pointer, self::count($name, $value), $error),
            'proxy_from_env' => $ffi->ziggeo_options_set_proxy_from_env($pointer, self::flag($name, $value), $error),
        });
    }

    private static function text(string $name, mixed $value): string
    {
        if (!is_string($value)) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: expected a string, got " . get_debug_type($value) . "; pass the {$name} as a string",
            );
        }
        return (string) Native::cString($name, $value);
    }

    /**
     * Converts a duration in seconds to whole milliseconds, rounding up, so
     * that a positive duration never becomes 0. PHP_INT_MAX milliseconds is
     * the largest value an int carries to the C option.
     */
    private static function milliseconds(string $name, mixed $seconds): int
    {
        $millis = (is_int($seconds) || is_float($seconds)) ? ceil($seconds * 1000) : NAN;
        if (!is_finite($millis) || $millis <= 0 || $millis >= PHP_INT_MAX) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: " . var_export($seconds, true) . '; pass a positive number of seconds such as 2.5',
            );
        }
        return (int) $millis;
    }

    private static function count(string $name, mixed $value): int
    {
        if (!is_int($value) || $value < 0 || $value > 0xFFFFFFFF) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: " . var_export($value, true) . '; pass an integer from 0 to 4294967295',
            );
        }
        return $value;
    }

    private static function flag(string $name, mixed $value): bool
    {
        if (!is_bool($value)) {
            throw ZiggeoException::invalidArgument(
                "invalid {$name}: " . var_export($value, true) . '; pass true or false',
            );
        }
        return $value;
    }
}
