<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Client;
use Libziggeo\Delivery;
use Libziggeo\Tests\Support\Receiver;
use Libziggeo\Tests\Support\Sandbox;
use PHPUnit\Framework\TestCase;

/** Shared setup: a clean sandbox, a receiver and clients pointed at the sandbox. */
abstract class SandboxTestCase extends TestCase
{
    protected Sandbox $sandbox;
    protected Receiver $receiver;
    private ?Client $client = null;

    protected function setUp(): void
    {
        $this->sandbox = Sandbox::instance();
        $this->sandbox->reset();
        $this->receiver = new Receiver();
    }

    protected function tearDown(): void
    {
        $this->client?->close();
        $this->receiver->close();
    }

    /** Returns the test's shared client for the sandbox. */
    protected function client(): Client
    {
        return $this->client ??= $this->newClient();
    }

    /**
     * Returns a new client for the sandbox. Proxy variables are ignored so
     * that no call leaves this machine.
     *
     * @param array<string, mixed> $options
     */
    protected function newClient(array $options = [], string $privateKey = Sandbox::PRIVATE_KEY): Client
    {
        $options += ['base_url' => $this->sandbox->baseUrl(), 'proxy_from_env' => false];
        return new Client(Sandbox::APP_TOKEN, $privateKey, $options);
    }

    /**
     * Creates a webhook on the receiver and returns its id with the parsed
     * ping and validation deliveries.
     *
     * @return array{string, Delivery, Delivery}
     */
    protected function createAndReceiveHandshake(string $encoding): array
    {
        $id = $this->client()->webhooks()->create($this->receiver->url(), $encoding, 'video_ready');
        $ping = $this->parse($this->receiver->accept());
        $validation = $this->parse($this->receiver->accept());
        return [$id, $ping, $validation];
    }

    /** @param array{path: string, contentType: ?string, body: string} $request */
    protected function parse(array $request): Delivery
    {
        return Delivery::parse($request['body'], $request['contentType']);
    }
}
