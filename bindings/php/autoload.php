<?php

declare(strict_types=1);

// Loads the Libziggeo classes without Composer: require this file once.
spl_autoload_register(static function (string $class): void {
    $prefix = 'Libziggeo\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});
