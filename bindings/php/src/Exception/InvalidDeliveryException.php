<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** A webhook delivery body could not be parsed. */
class InvalidDeliveryException extends ZiggeoException
{
}
