<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** The server's response was not usable HTTP, or too large. */
class InvalidResponseException extends ZiggeoException
{
}
