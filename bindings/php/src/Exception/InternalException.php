<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** A bug in libziggeo, such as a caught panic. */
class InternalException extends ZiggeoException
{
}
