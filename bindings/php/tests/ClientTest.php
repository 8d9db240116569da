<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Exception\ClosedException;
use Libziggeo\Exception\InvalidArgumentException;
use Libziggeo\Native;
use Libziggeo\Tests\Support\Sandbox;

final class ClientTest extends SandboxTestCase
{
    public function testCloseTwiceIsHarmless(): void
    {
        $client = $this->newClient();

        $client->close();
        $client->close();

        $this->assertTrue($client->isClosed());
    }

    public function testCallAfterCloseThrows(): void
    {
        $client = $this->newClient();
        $webhooks = $client->webhooks();
        $client->close();

        try {
            $webhooks->delete($this->receiver->url());
            $this->fail('a call after close did not throw');
        } catch (ClosedException $e) {
            $this->assertInstanceOf(InvalidArgumentException::class, $e);
            $this->assertStringContainsString('closed', $e->getMessage());
        }
    }

    public function testDestructorFreesClient(): void
    {
        $client = $this->newClient();
        $reference = \WeakReference::create($client);

        unset($client);

        $this->assertNull($reference->get());
    }

    public function testCloneRejected(): void
    {
        $this->expectException(\Error::class);

        $client = $this->newClient();
        $copy = clone $client;
    }

    public function testDebugOutputHidesPrivateKey(): void
    {
        $client = $this->newClient();

        $this->assertStringNotContainsString(Sandbox::PRIVATE_KEY, print_r($client, true));
        $this->assertStringNotContainsString(Sandbox::PRIVATE_KEY, var_export((array) $client, true));
    }

    public function testLibraryVersion(): void
    {
        $this->assertMatchesRegularExpression('/^\d+\.\d+\.\d+/', Native::ffi()->ziggeo_version());
    }

    public function testDeclarationsMatchHeader(): void
    {
        $header = (string) file_get_contents(__DIR__ . '/../../../include/ziggeo.h');
        $normalise = static fn (string $text): string => (string) preg_replace('/\s+/', ' ', $text);
        // Prototypes start at column 0; comment lines start with a space or a slash.
        preg_match_all('/^(?![\s\/#])[^\n(]*\b(ziggeo_\w+)\(/m', $header, $inHeader);
        preg_match_all('/^\s*([^\n(]*\b(ziggeo_\w+)\(.*\);)$/m', Native::DECLARATIONS, $declared);

        $this->assertEqualsCanonicalizing($inHeader[1], $declared[2], 'functions declared for FFI');
        foreach ($declared[1] as $prototype) {
            $this->assertStringContainsString($normalise($prototype), $normalise($header));
        }
    }
}
