<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** The TLS handshake failed, for example on an untrusted certificate. */
class TlsException extends ZiggeoException
{
}
