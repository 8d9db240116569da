<?php

declare(strict_types=1);

namespace Libziggeo\Tests\Support;

/**
 * A webhook target URL on 127.0.0.1 that the tests drive one request at a
 * time: accept() waits for the next POST, responds 200 and returns it.
 * The sandbox's connections wait in the listen backlog until then.
 */
final class Receiver
{
    /** @var resource */
    private $server;

    public function __construct()
    {
        $server = stream_socket_server('tcp://127.0.0.1:0', $errno, $message);
        if ($server === false) {
            throw new \RuntimeException("failed to listen on 127.0.0.1: {$message}");
        }
        $this->server = $server;
    }

    public function url(string $path = '/webhook'): string
    {
        return 'http://' . stream_socket_get_name($this->server, false) . $path;
    }

    /** @return array{path: string, contentType: ?string, body: string} */
    public function accept(float $timeout = 10.0): array
    {
        $socket = @stream_socket_accept($this->server, $timeout);
        if ($socket === false) {
            throw new \RuntimeException("no request reached the receiver within {$timeout} s");
        }
        try {
            stream_set_timeout($socket, (int) ceil($timeout));
            $request = $this->read($socket);
            fwrite($socket, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            return $request;
        } finally {
            fclose($socket);
        }
    }

    public function close(): void
    {
        fclose($this->server);
    }

    /**
     * @param resource $socket
     * @return array{path: string, contentType: ?string, body: string}
     */
    private function read($socket): array
    {
        $path = explode(' ', (string) fgets($socket))[1] ?? '';
        $headers = [];
        while (($line = fgets($socket)) !== false && $line !== "\r\n") {
            [$name, $value] = explode(':', $line, 2) + ['', ''];
            $headers[strtolower($name)] = trim($value);
        }
        $length = (int) ($headers['content-length'] ?? 0);
        $body = $length > 0 ? (string) stream_get_contents($socket, $length) : '';
        return ['path' => $path, 'contentType' => $headers['content-type'] ?? null, 'body' => $body];
    }
}
