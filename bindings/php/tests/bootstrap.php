<?php

declare(strict_types=1);

require __DIR__ . '/../autoload.php';
require __DIR__ . '/Support/Sandbox.php';
require __DIR__ . '/Support/Receiver.php';
require __DIR__ . '/SandboxTestCase.php';

register_shutdown_function(static function (): void {
    Libziggeo\Tests\Support\Sandbox::instance()->stop();
});
