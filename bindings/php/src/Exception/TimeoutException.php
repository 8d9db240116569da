<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** The call did not finish within the client's timeout. */
class TimeoutException extends ZiggeoException
{
}
