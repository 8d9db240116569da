<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** The connection could not be made or broke during the exchange. */
class ConnectionException extends ZiggeoException
{
}
