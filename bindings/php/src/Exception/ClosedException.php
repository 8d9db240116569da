<?php

declare(strict_types=1);

namespace Libziggeo\Exception;

/** The client was used after Client::close(). */
class ClosedException extends InvalidArgumentException
{
}
