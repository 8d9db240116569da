<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Delivery;
use Libziggeo\DeliveryKind;
use Libziggeo\Exception\InvalidArgumentException;
use Libziggeo\Exception\InvalidDeliveryException;
use Libziggeo\Status;

final class DeliveryTest extends SandboxTestCase
{
    /** @return array<string, array{string}> */
    public static function encodings(): array
    {
        return ['json' => ['json'], 'jsonheader' => ['jsonheader'], 'form' => ['form']];
    }

    /** @dataProvider encodings */
    public function testHandshakeParses(string $encoding): void
    {
        [$id, $ping, $validation] = $this->createAndReceiveHandshake($encoding);
        $stored = $this->sandbox->webhook($id);

        $this->assertSame(DeliveryKind::Ping, $ping->kind());
        $this->assertTrue($ping->isPing());
        $this->assertSame(DeliveryKind::Validation, $validation->kind());
        $this->assertSame($id, $validation->webhookId());
        $this->assertSame((string) $stored['validation_code'], $validation->validationCode());
        $this->assertNull($validation->eventType());
    }

    /** @dataProvider encodings */
    public function testEventParses(string $encoding): void
    {
        [, , $validation] = $this->createAndReceiveHandshake($encoding);
        $this->client()->webhooks()->confirmDelivery($validation);
        $data = ['video' => ['token' => 'a b+c&d', 'tags' => ['x', 'y']]];

        // The sandbox responds after the delivery, so serve it before reading the response.
        $firing = $this->sandbox->send('POST', '/_sandbox/events', ['event_type' => 'video_ready', 'data' => $data]);
        $event = $this->parse($this->receiver->accept());
        $summary = $this->sandbox->finish($firing);

        $this->assertSame(1, $summary['delivered']);
        $this->assertTrue($event->isEvent());
        $this->assertSame('video_ready', $event->eventType());
        $this->assertEquals($data, $event->data()['data']);
        $this->assertNull($event->webhookId());
    }

    public function testConfirmDeliveryConfirmsWebhook(): void
    {
        [$id, , $validation] = $this->createAndReceiveHandshake('form');

        $body = $this->client()->webhooks()->confirmDelivery($validation);

        $this->assertSame('true', $body);
        $this->assertTrue($this->sandbox->webhook($id)['confirmed']);
    }

    public function testConfirmDeliveryRejectsPing(): void
    {
        [, $ping] = $this->createAndReceiveHandshake('json');

        try {
            $this->client()->webhooks()->confirmDelivery($ping);
            $this->fail('confirming a ping did not throw');
        } catch (InvalidArgumentException $e) {
            $this->assertSame(Status::InvalidArgument, $e->getStatus());
        }
    }

    public function testInvalidJsonThrows(): void
    {
        try {
            Delivery::parse('{not json', 'application/json; charset=UTF-8');
            $this->fail('invalid JSON did not throw');
        } catch (InvalidDeliveryException $e) {
            $this->assertSame(Status::InvalidDelivery, $e->getStatus());
            $this->assertStringContainsString('json', $e->getMessage());
        }
    }

    public function testEmptyBodyThrows(): void
    {
        $this->expectException(InvalidDeliveryException::class);

        Delivery::parse('', null);
    }

    public function testCodeKeepsLeadingZero(): void
    {
        $body = '{"ziggeo_validation": true, "validation_code": "012345", "webhook_id": "abc"}';

        $delivery = Delivery::parse($body, 'application/json');

        $this->assertSame('012345', $delivery->validationCode());
        $this->assertSame('abc', $delivery->data()['webhook_id']);
    }
}
