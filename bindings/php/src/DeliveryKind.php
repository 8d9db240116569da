<?php

declare(strict_types=1);

namespace Libziggeo;

/** The kind of a webhook delivery, numbered as the C ABI's ZiggeoDeliveryKind. */
enum DeliveryKind: int
{
    /** The reachability ping after create; respond with HTTP 200. */
    case Ping = 1;
    /** The validation call with the webhook id and validation code. */
    case Validation = 2;
    /** An event such as video_ready. */
    case Event = 3;
}
