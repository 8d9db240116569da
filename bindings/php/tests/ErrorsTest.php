<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Client;
use Libziggeo\Exception\HttpException;
use Libziggeo\Exception\InvalidArgumentException;
use Libziggeo\Exception\TimeoutException;
use Libziggeo\Status;
use Libziggeo\Tests\Support\Sandbox;
use Libziggeo\ZiggeoException;

final class ErrorsTest extends SandboxTestCase
{
    public function testWrongValidationCodeThrows400(): void
    {
        [$id] = $this->createAndReceiveHandshake('json');

        try {
            $this->client()->webhooks()->confirm($id, '0000000');
            $this->fail('a wrong validation code did not throw');
        } catch (HttpException $e) {
            $this->assertSame(Status::Http, $e->getStatus());
            $this->assertSame(400, $e->getHttpStatus());
            $this->assertStringContainsString('wrong validation_code', (string) $e->getBody());
            $this->assertStringContainsString('400', $e->getMessage());
            $this->assertFalse($e->isOutcomeUnknown());
        }
    }

    public function testStackTraceHidesPrivateKey(): void
    {
        // PHP's default, unlike Debian's production php.ini, puts arguments
        // into traces; the key's parameter is marked sensitive.
        $previous = ini_set('zend.exception_ignore_args', '0');
        $previousLength = ini_set('zend.exception_string_param_max_len', '15');
        $secret = 'trace-private-key-must-stay-secret';
        try {
            new Client('token', $secret, ['base_url' => 'not-a-url']);
            $this->fail('an invalid base URL did not throw');
        } catch (InvalidArgumentException $e) {
            $this->assertStringNotContainsString(substr($secret, 0, 10), $e->getTraceAsString());
        } finally {
            ini_set('zend.exception_ignore_args', (string) $previous);
            ini_set('zend.exception_string_param_max_len', (string) $previousLength);
        }
    }

    public function testWrongPrivateKeyThrows401(): void
    {
        $badKey = 'wrong-private-key-must-stay-secret';
        $client = $this->newClient([], $badKey);

        try {
            $client->webhooks()->create($this->receiver->url(), null, 'video_ready');
            $this->fail('a wrong private key did not throw');
        } catch (HttpException $e) {
            $this->assertSame(401, $e->getHttpStatus());
            $this->assertStringContainsString('unauthorized', (string) $e->getBody());
            $this->assertStringNotContainsString($badKey, $e->getMessage());
            $this->assertStringNotContainsString($badKey, (string) $e);
            $this->assertStringNotContainsString($badKey, print_r($client, true));
        } finally {
            $client->close();
        }
    }

    public function testDelayFaultThrowsTimeout(): void
    {
        $this->sandbox->fault(['path' => '/v1/api/hook', 'action' => 'delay', 'delay_ms' => 3000]);
        $client = $this->newClient(['timeout' => 0.5]);

        try {
            $client->webhooks()->create($this->receiver->url(), null, 'video_ready');
            $this->fail('a delayed create did not time out');
        } catch (TimeoutException $e) {
            $this->assertSame(Status::Timeout, $e->getStatus());
            $this->assertNull($e->getHttpStatus());
            $this->assertTrue($e->isOutcomeUnknown(), 'a create that timed out after sending may have registered');
        } finally {
            $client->close();
        }
    }

    public function testNulByteRejected(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessageMatches('/target_url.*NUL/');

        $this->client()->webhooks()->delete("http://127.0.0.1/a\0b");
    }

    public function testEmptyArgumentNamed(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessageMatches('/webhook_id/');

        $this->client()->webhooks()->confirm('', '123456');
    }

    public function testUnknownOptionRejected(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessageMatches('/"read_timeout"/');

        $this->newClient(['read_timeout' => 5]);
    }

    public function testTinyTimeoutRoundsUp(): void
    {
        // 0.1 ms must not round to 0, which the library rejects.
        $this->assertInstanceOf(Client::class, $this->newClient(['timeout' => 0.0001]));
    }

    public function testInvalidTimeoutsRejected(): void
    {
        foreach ([-1, 0, '5', NAN, INF, 1e30, PHP_INT_MAX, true] as $value) {
            try {
                $this->newClient(['timeout' => $value]);
                $this->fail('timeout ' . var_export($value, true) . ' did not throw');
            } catch (InvalidArgumentException $e) {
                $this->assertStringContainsString('timeout', $e->getMessage());
            }
        }
    }

    public function testInvalidBaseUrlRejected(): void
    {
        try {
            new Client(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, ['base_url' => 'not a url']);
            $this->fail('an invalid base URL did not throw');
        } catch (ZiggeoException $e) {
            $this->assertInstanceOf(InvalidArgumentException::class, $e);
            $this->assertStringNotContainsString(Sandbox::PRIVATE_KEY, $e->getMessage());
        }
    }
}
