<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

use Libziggeo\ZiggeoException;

/** A host name could not be resolved. */
class DnsException extends ZiggeoException
{
}
