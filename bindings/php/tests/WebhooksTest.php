<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Exception\HttpException;
use Libziggeo\Exception\InvalidArgumentException;
use Libziggeo\Status;

final class WebhooksTest extends SandboxTestCase
{
    public function testCreateReturnsWebhookId(): void
    {
        $id = $this->client()->webhooks()->create($this->receiver->url(), 'form', ['video_ready', 'video_delete']);

        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $id);
        $webhook = $this->sandbox->webhook($id);
        $this->assertNotNull($webhook);
        $this->assertSame($this->receiver->url(), $webhook['target_url']);
        $this->assertSame('form', $webhook['encoding']);
        $this->assertSame(['video_ready', 'video_delete'], $webhook['events']);
    }

    public function testConfirmWithCodeFromValidation(): void
    {
        [$id, , $validation] = $this->createAndReceiveHandshake('json');

        $body = $this->client()->webhooks()->confirm($id, $validation->validationCode());

        $this->assertSame('true', $body);
        $this->assertTrue($this->sandbox->webhook($id)['confirmed']);
    }

    public function testConfirmAcceptsIntegerCode(): void
    {
        [$id, , $validation] = $this->createAndReceiveHandshake('json');

        $body = $this->client()->webhooks()->confirm($id, (int) $validation->validationCode());

        $this->assertSame('true', $body);
    }

    public function testDeleteRemovesEveryWebhookOfUrl(): void
    {
        $this->client()->webhooks()->create($this->receiver->url(), null, 'video_ready');
        $this->client()->webhooks()->create($this->receiver->url(), null, 'video_ready');

        $body = $this->client()->webhooks()->delete($this->receiver->url());

        $this->assertSame('null', $body);
        $left = array_filter($this->sandbox->webhooks(), fn (array $w): bool => $w['target_url'] === $this->receiver->url());
        $this->assertSame([], $left);
    }

    public function testDeleteUnknownUrlThrowsNotFound(): void
    {
        try {
            $this->client()->webhooks()->delete($this->receiver->url('/none'));
            $this->fail('delete of an unknown URL did not throw');
        } catch (HttpException $e) {
            $this->assertSame(404, $e->getHttpStatus());
            $this->assertSame(404, $e->getCode());
            $this->assertStringContainsString('/none', (string) $e->getBody());
        }
    }

    public function testInvalidEncodingIsNotSent(): void
    {
        $before = $this->sandbox->requestCount();

        try {
            $this->client()->webhooks()->create($this->receiver->url(), 'xml', 'video_ready');
            $this->fail('an invalid encoding did not throw');
        } catch (InvalidArgumentException $e) {
            $this->assertSame(Status::InvalidArgument, $e->getStatus());
            $this->assertStringContainsString('encoding', $e->getMessage());
        }

        $this->assertSame($before, $this->sandbox->requestCount());
    }
}
