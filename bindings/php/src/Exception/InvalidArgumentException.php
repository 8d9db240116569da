<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** An argument was missing, of the wrong type or invalid; nothing was sent. */
class InvalidArgumentException extends ZiggeoException
{
}
