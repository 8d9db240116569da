<?php

declare(strict_types=1);

namespace Libziggeo\Tests\Support;

/**
 * One ziggeo-sandbox process on 127.0.0.1 for the whole test run, started
 * from ZIGGEO_SANDBOX_BIN, with admin calls to its /_sandbox/ routes.
 * Admin calls use plain sockets, so no proxy setting can redirect them.
 */
final class Sandbox
{
    public const APP_TOKEN = 'php-test-token';
    public const PRIVATE_KEY = 'php-test-private-key-do-not-leak';

    private static ?self $instance = null;

    /** @var resource */
    private $process;
    private string $host;
    private int $port;

    public static function instance(): self
    {
        return self::$instance ??= new self();
    }

    private function __construct()
    {
        $binary = getenv('ZIGGEO_SANDBOX_BIN');
        if (!is_string($binary) || $binary === '') {
            throw new \RuntimeException('ZIGGEO_SANDBOX_BIN is not set; run the tests with `make test-php`');
        }
        $command = [$binary, '--listen', '127.0.0.1:0', '--app', self::APP_TOKEN . ':' . self::PRIVATE_KEY, '--quiet'];
        $process = proc_open($command, [1 => ['pipe', 'w']], $pipes);
        if ($process === false) {
            throw new \RuntimeException("failed to start {$binary}");
        }
        $this->process = $process;

        $read = [$pipes[1]];
        $none = null;
        $line = stream_select($read, $none, $none, 30) > 0 ? fgets($pipes[1]) : false;
        if (!is_string($line) || !preg_match('#^listening on http://(127\.0\.0\.1):(\d+)#', $line, $match)) {
            throw new \RuntimeException('ziggeo-sandbox printed ' . var_export($line, true) . ' instead of its address');
        }
        $this->host = $match[1];
        $this->port = (int) $match[2];
    }

    public function stop(): void
    {
        proc_terminate($this->process);
        proc_close($this->process);
    }

    public function baseUrl(): string
    {
        return "http://{$this->host}:{$this->port}";
    }

    public function reset(): void
    {
        $this->admin('POST', '/_sandbox/reset');
    }

    /** @return list<array<string, mixed>> */
    public function webhooks(): array
    {
        return $this->admin('GET', '/_sandbox/webhooks')['webhooks'];
    }

    /** @return array<string, mixed>|null */
    public function webhook(string $id): ?array
    {
        foreach ($this->webhooks() as $webhook) {
            if ($webhook['id'] === $id) {
                return $webhook;
            }
        }
        return null;
    }

    public function requestCount(): int
    {
        return $this->admin('GET', '/_sandbox/requests')['total'];
    }

    /** @param array<string, mixed> $spec such as ['path' => '/v1/api/hook', 'action' => 'delay', 'delay_ms' => 2000] */
    public function fault(array $spec): void
    {
        $this->admin('POST', '/_sandbox/faults', $spec);
    }

    /**
     * Sends an admin request and returns its decoded JSON response.
     *
     * @param array<string, mixed>|null $body
     * @return array<string, mixed>
     */
    public function admin(string $method, string $path, ?array $body = null): array
    {
        return $this->finish($this->send($method, $path, $body));
    }

    /**
     * Writes an admin request without waiting for the response, so that a
     * test can serve the deliveries it causes before calling finish().
     *
     * @param array<string, mixed>|null $body
     * @return resource
     */
    public function send(string $method, string $path, ?array $body = null)
    {
        $socket = stream_socket_client("tcp://{$this->host}:{$this->port}", $errno, $message, 10);
        if ($socket === false) {
            throw new \RuntimeException("failed to connect to the sandbox: {$message}");
        }
        $payload = $body === null ? '' : json_encode($body, JSON_THROW_ON_ERROR);
        fwrite($socket, "{$method} {$path} HTTP/1.1\r\nHost: {$this->host}\r\nConnection: close\r\n"
            . "Content-Type: application/json\r\nContent-Length: " . strlen($payload) . "\r\n\r\n" . $payload);
        return $socket;
    }

    /**
     * Reads the response to send() and returns its decoded JSON body.
     *
     * @param resource $socket
     * @return array<string, mixed>
     */
    public function finish($socket): array
    {
        stream_set_timeout($socket, 30);
        $response = stream_get_contents($socket);
        fclose($socket);
        [$head, $body] = explode("\r\n\r\n", (string) $response, 2) + ['', ''];
        if (!str_starts_with($head, 'HTTP/1.1 200')) {
            throw new \RuntimeException("admin request failed: {$head}\n{$body}");
        }
        return json_decode($body, true, 512, JSON_THROW_ON_ERROR);
    }
}
