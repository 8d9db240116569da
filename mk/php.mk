# The PHP binding (bindings/php): PHPUnit suite against the sandbox.

PHP_DIR := bindings/php

.PHONY: deps-php test-php

TEST_TARGETS += test-php

# Installs the PHP CLI (which carries the FFI extension) and PHPUnit from
# Debian when either is missing. The PHP package registry is not used.
deps-php:
	@{ command -v phpunit >/dev/null && php -m 2>/dev/null | grep -qx FFI; } || { \
		apt-get update -qq && \
		apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 php-cli phpunit; }

test-php: lib sandbox deps-php
	cd $(PHP_DIR) && phpunit --configuration phpunit.xml
