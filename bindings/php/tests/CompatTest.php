<?php

declare(strict_types=1);

namespace Libziggeo\Tests;

use Libziggeo\Compat\Ziggeo;
use Libziggeo\Exception\HttpException;
use Libziggeo\Exception\InvalidArgumentException;
use Libziggeo\Tests\Support\Sandbox;

final class CompatTest extends SandboxTestCase
{
    private Ziggeo $ziggeo;

    protected function setUp(): void
    {
        parent::setUp();
        $options = ['base_url' => $this->sandbox->baseUrl(), 'proxy_from_env' => false];
        $this->ziggeo = new Ziggeo(Sandbox::APP_TOKEN, Sandbox::PRIVATE_KEY, null, $options);
    }

    protected function tearDown(): void
    {
        $this->ziggeo->close();
        parent::tearDown();
    }

    public function testOfficialCallShapes(): void
    {
        $url = $this->receiver->url();

        $id = $this->ziggeo->webhooks()->create(array('target_url' => $url, 'encoding' => 'json', 'events' => 'video_ready'));
        $this->receiver->accept();
        $validation = $this->parse($this->receiver->accept());
        $confirmed = $this->ziggeo->webhooks()->confirm(array('webhook_id' => $id, 'validation_code' => $validation->validationCode()));
        $deleted = $this->ziggeo->webhooks()->delete(array('target_url' => $url));

        $this->assertMatchesRegularExpression('/^[0-9a-f]{32}$/', $id);
        $this->assertSame('true', $confirmed);
        $this->assertSame('null', $deleted);
    }

    public function testEventListJoinedWithCommas(): void
    {
        $id = $this->ziggeo->webhooks()->create(['target_url' => $this->receiver->url(), 'events' => ['video_ready', 'video_failed']]);

        $this->assertSame(['video_ready', 'video_failed'], $this->sandbox->webhook($id)['events']);
    }

    public function testErrorThrowsInsteadOfReturningBody(): void
    {
        try {
            $this->ziggeo->webhooks()->delete(['target_url' => $this->receiver->url('/none')]);
            $this->fail('delete of an unknown URL did not throw');
        } catch (HttpException $e) {
            $this->assertSame(404, $e->getCode());
        }
    }

    public function testUnknownFieldRejected(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessage('unknown field "format"; this call takes target_url, encoding, events');

        $this->ziggeo->webhooks()->create(['target_url' => $this->receiver->url(), 'events' => 'video_ready', 'format' => 'json']);
    }

    public function testMissingFieldNamed(): void
    {
        $this->expectException(InvalidArgumentException::class);
        $this->expectExceptionMessageMatches('/target_url/');

        $this->ziggeo->webhooks()->delete([]);
    }

    public function testCloseTwiceAndDebugOutput(): void
    {
        $this->ziggeo->close();
        $this->ziggeo->close();

        $this->assertTrue($this->ziggeo->client()->isClosed());
        $this->assertStringNotContainsString(Sandbox::PRIVATE_KEY, print_r($this->ziggeo, true));
    }
}
