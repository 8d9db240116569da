<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** The server responded with a status outside 2xx; see getHttpStatus() and getBody(). */
class HttpException extends ZiggeoException
{
}
